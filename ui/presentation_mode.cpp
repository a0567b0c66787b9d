#include "ui/presentation_mode.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QTabWidget>
#include <QToolBar>
#include <algorithm>
#include <cmath>

#include "ui/common/page.h"
#include "ui/common/presentation_look.h"
#include "ui/common/theme.h"
#include "ui/main_window.h"

namespace optiscope::ui {

PresentationMode::PresentationMode(MainWindow& window) : QObject(&window), m_window(window) {
  m_toggle = new QAction(tr("&Presentation"), &window);
  m_toggle->setCheckable(true);
  m_toggle->setShortcut(Qt::Key_F5);
  m_toggle->setToolTip(tr("full screen, large text, thick lines, a projector theme (Esc leaves)"));
  connect(m_toggle, &QAction::triggered, this, &PresentationMode::setOn);
  // Esc leaves, but only while presenting: otherwise it belongs to the fields and dialogs.
  m_leave = new QAction(tr("Leave presentation"), &window);
  m_leave->setShortcut(Qt::Key_Escape);
  m_leave->setEnabled(false);
  connect(m_leave, &QAction::triggered, this, &PresentationMode::leave);
  window.addAction(m_leave);
  m_larger = new QAction(tr("&Larger text"), &window);
  m_larger->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
  m_larger->setEnabled(false);
  connect(m_larger, &QAction::triggered, this,
          [this] { setFontScale(m_fontScale + kFontScaleStep); });
  m_smaller = new QAction(tr("S&maller text"), &window);
  m_smaller->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
  m_smaller->setEnabled(false);
  connect(m_smaller, &QAction::triggered, this,
          [this] { setFontScale(m_fontScale - kFontScaleStep); });

  m_captionStrip = new QToolBar(tr("Caption"), &window);
  m_captionStrip->setObjectName(QStringLiteral("CaptionStrip"));
  m_captionStrip->setMovable(false);
  m_captionStrip->setFloatable(false);
  m_captionStrip->toggleViewAction()->setVisible(false);
  m_captionLabel = new QLabel(m_captionStrip);
  m_captionLabel->setObjectName(QStringLiteral("Caption"));
  m_captionLabel->setWordWrap(true);
  m_captionLabel->setContentsMargins(12, 6, 12, 6);
  m_captionLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  m_captionLabel->setAccessibleName(tr("Caption"));
  m_captionStrip->addWidget(m_captionLabel);
  window.addToolBar(Qt::BottomToolBarArea, m_captionStrip);
  m_captionStrip->hide();

  connect(window.tabs(), &QTabWidget::currentChanged, this, [this] {
    if (!m_on) return;
    foldShownPage();
    showCaption();
  });
}

void PresentationMode::enter() {
  if (m_on) {
    m_toggle->setChecked(true);
    return;
  }
  m_savedFont = QApplication::font();
  m_savedGeometry = m_window.geometry();
  m_savedLayout = m_window.saveLayout();
  m_savedStates = m_window.windowState();
  m_on = true;
  // The look first, then the font, then the palette: every view restyles on the palette's
  // change and reads both.
  setPresentationLook({true, kLineScale});
  applyFont();
  applyTheme(Theme::Projector);
  // The theme the user chose stays chosen; it cannot be changed under the projector's.
  m_window.themeActions()->setEnabled(false);
  showCaption();
  m_captionStrip->show();
  // The whole screen even where no window manager honours full screen (a bare X server, a
  // kiosk); where one does, showFullScreen() takes over.
  if (const QScreen* screen = m_window.screen()) m_window.setGeometry(screen->geometry());
  m_window.showFullScreen();
  foldShownPage();  // after the window took the screen: pages size their panels to it
  m_toggle->setChecked(true);
  for (QAction* action : {m_leave, m_larger, m_smaller}) action->setEnabled(true);
  emit toggled(true);
}

void PresentationMode::leave() {
  if (!m_on) {
    m_toggle->setChecked(false);
    return;
  }
  m_on = false;
  setPresentationLook({});
  QApplication::setFont(m_savedFont);
  const QAction* theme = m_window.themeActions()->checkedAction();
  applyTheme(theme ? themeFromName(theme->data().toString()) : Theme::System);
  m_window.themeActions()->setEnabled(true);
  for (Page* page : m_window.pages()) page->setPresenting(false);
  m_captionStrip->hide();
  m_window.setWindowState(m_savedStates);
  // Not restoreGeometry(), which would fit the window into the screen it happens to be on.
  if (!(m_savedStates & (Qt::WindowMaximized | Qt::WindowFullScreen)))
    m_window.setGeometry(m_savedGeometry);
  m_window.restoreLayout(m_savedLayout);
  m_toggle->setChecked(false);
  for (QAction* action : {m_leave, m_larger, m_smaller}) action->setEnabled(false);
  emit toggled(false);
}

void PresentationMode::setFontScale(double scale) {
  // Rounded to the step, so that ten presses up and ten down come back to the same size.
  scale =
      std::round(std::clamp(scale, kMinFontScale, kMaxFontScale) / kFontScaleStep) * kFontScaleStep;
  if (scale == m_fontScale) return;
  m_fontScale = scale;
  if (m_on) applyFont();
}

void PresentationMode::applyFont() {
  QFont font = m_savedFont;
  if (font.pointSizeF() > 0)
    font.setPointSizeF(font.pointSizeF() * m_fontScale);
  else
    font.setPixelSize(static_cast<int>(std::lround(font.pixelSize() * m_fontScale)));
  QApplication::setFont(font);
  QFont caption = font;
  caption.setBold(true);
  m_captionLabel->setFont(caption);
}

void PresentationMode::setCaption(const QString& caption) {
  m_caption = caption;
  showCaption();
}

void PresentationMode::showCaption() {
  const Page* page = m_window.currentPage();
  m_captionLabel->setText(
      !m_caption.isEmpty() || !page ? m_caption : tr("%1: %2").arg(page->title(), page->summary()));
}

void PresentationMode::foldShownPage() {
  if (Page* page = m_window.currentPage()) page->setPresenting(true);
}

}  // namespace optiscope::ui

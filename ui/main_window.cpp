#include "ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

#include "ui/common/page.h"
#include "ui/common/playback_controls.h"
#include "ui/common/status_readout.h"
#include "ui/common/wheel_guard.h"
#include "ui/document.h"
#include "ui/presentation_mode.h"

namespace optiscope::ui {

MainWindow::MainWindow(const QList<Page*>& pages, QWidget* parent)
    : QMainWindow(parent), m_pages(pages) {
  WheelGuard::installOnApplication();
  setWindowTitle(QStringLiteral("Optiscope"));
  setObjectName(QStringLiteral("MainWindow"));  // restoreState() finds docks and bars by name
  // The right column runs the full height; bottom docks sit under the page only.
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks);
  m_playback = new PlaybackControls(this);
  buildTabs();
  buildToolBar();
  m_status = new StatusReadout(this);
  statusBar()->addWidget(m_status, 1);
  for (Page* page : m_pages) {
    m_docks[page] = page->addDocks(this);
    for (QDockWidget* dock : m_docks[page]) {
      dock->hide();
      dock->toggleViewAction()->setVisible(false);
    }
  }
  m_document = new Document(this);
  m_presentation = new PresentationMode(*this);
  connect(m_document, &Document::changed, this, &MainWindow::showTitle);
  buildMenus();
  installFigureMenus();
  onPageChanged(0);
  m_document->resetHistory();
  showTitle();
  setAcceptDrops(true);
  // 1440x900, or the screen's available area where that is smaller (a 1024x700 laptop, a
  // 150 % scale): a window larger than its screen hides its own status bar. The offscreen
  // platform (tests, --screenshot) has a nominal 800x600 screen that nobody looks at.
  QSize size(1440, 900);
  const QScreen* screen = QGuiApplication::primaryScreen();
  if (screen && QGuiApplication::platformName() != QStringLiteral("offscreen"))
    size = size.boundedTo(screen->availableGeometry().size());
  resize(size);
  // Start with the keyboard on the window, not in the first text field: Space, Right and R
  // should control playback from the first second.
  setFocusPolicy(Qt::StrongFocus);
  setFocus();
}

void MainWindow::buildTabs() {
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("Pages"));
  m_tabs->setAccessibleName(tr("Pages"));
  m_tabs->setDocumentMode(true);
  for (int i = 0; i < m_pages.size(); ++i) {
    m_tabs->addTab(m_pages[i], m_pages[i]->title());
    m_tabs->setTabToolTip(i, tr("%1 (Ctrl+%2)").arg(m_pages[i]->summary()).arg(i + 1));
  }
  // Tabs switch pages but never take the keyboard: Space, Right and R stay playback keys.
  m_tabs->tabBar()->setFocusPolicy(Qt::NoFocus);
  setCentralWidget(m_tabs);
  connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(tr("Playback"));
  bar->setObjectName(QStringLiteral("PlaybackToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  for (QAction* action : m_playback->actions()) bar->addAction(action);
  bar->addSeparator();
  m_speed = new SpeedControl(bar);
  bar->addWidget(m_speed);
}

Page* MainWindow::currentPage() const { return m_shown; }

int MainWindow::currentPageIndex() const { return static_cast<int>(m_pages.indexOf(m_shown)); }

void MainWindow::showPage(int index) { m_tabs->setCurrentIndex(index); }

void MainWindow::onPageChanged(int index) {
  Page* page = m_pages.value(index);
  if (page == m_shown || page == nullptr) return;
  if (m_shown) {
    QList<bool>& visible = m_dockVisible[m_shown];
    visible.clear();
    for (QDockWidget* dock : m_docks.value(m_shown)) {
      visible << dock->isVisibleTo(this);
      dock->hide();
      dock->toggleViewAction()->setVisible(false);
    }
    m_shown->setOnScreen(false);
  }
  m_shown = page;
  const QList<QDockWidget*> docks = m_docks.value(page);
  const QList<bool> visible = m_dockVisible.value(page);
  for (int i = 0; i < docks.size(); ++i) {
    docks[i]->setVisible(visible.value(i, true));
    docks[i]->toggleViewAction()->setVisible(true);
  }
  m_playback->setController(page->controller());
  m_speed->setController(page->controller());
  m_status->setController(page->controller());
  showPageViewActions();
  page->setOnScreen(true);
  setFocus();  // the keyboard goes to the window, where the playback keys act
}

QByteArray MainWindow::saveLayout() {
  // Save what each hidden page will show: its docks as left.
  QList<QDockWidget*> shownForSaving;
  for (Page* page : m_pages) {
    if (page == m_shown) continue;
    const QList<QDockWidget*> docks = m_docks.value(page);
    const QList<bool> visible = m_dockVisible.value(page);
    for (int i = 0; i < docks.size(); ++i)
      if (visible.value(i, true)) {
        docks[i]->show();
        shownForSaving << docks[i];
      }
  }
  const QByteArray state = saveState();
  for (QDockWidget* dock : shownForSaving) dock->hide();
  return state;
}

void MainWindow::showTitle() {
  const QString name =
      m_document->path().isEmpty() ? tr("Untitled") : QFileInfo(m_document->path()).fileName();
  setWindowTitle(tr("%1[*] — Optiscope").arg(name));
  setWindowModified(m_document->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (m_document->maybeSave(tr("closing"))) {
    // The session saves the window as the user keeps it, not as presented.
    m_presentation->leave();
    event->accept();
  } else {
    event->ignore();
  }
}

namespace {

// The experiment file among what is being dragged, or empty.
QString droppedExperiment(const QMimeData* data) {
  if (!data->hasUrls()) return {};
  for (const QUrl& url : data->urls())
    if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".json")))
      return url.toLocalFile();
  return {};
}

}  // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedExperiment(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = droppedExperiment(event->mimeData());
  if (path.isEmpty()) return;
  event->acceptProposedAction();
  // Later: the drag's event loop must not run the Save/Discard/Cancel dialog.
  QMetaObject::invokeMethod(
      this, [this, path] { m_document->open(path); }, Qt::QueuedConnection);
}

bool MainWindow::restoreLayout(const QByteArray& state) {
  if (!restoreState(state)) return false;
  for (Page* page : m_pages) {
    if (page == m_shown) continue;
    QList<bool>& visible = m_dockVisible[page];
    visible.clear();
    for (QDockWidget* dock : m_docks.value(page)) {
      visible << dock->isVisibleTo(this);
      dock->hide();
    }
  }
  return true;
}

}  // namespace optiscope::ui

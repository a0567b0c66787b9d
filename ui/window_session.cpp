#include "ui/window_session.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <exception>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "core/util/spec_error.h"
#include "ui/common/page.h"
#include "ui/common/theme.h"
#include "ui/document.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"

namespace optiscope::ui {
namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kTheme = QStringLiteral("view/theme");
const QString kPage = QStringLiteral("window/page");
const QString kPresentationFontScale = QStringLiteral("presentation/fontScale");
const QString kDocumentPath = QStringLiteral("document/path");
const QString kDocumentModified = QStringLiteral("document/modified");

QString checkedTheme(const MainWindow& window) {
  const QAction* checked = window.themeActions()->checkedAction();
  return checked ? checked->data().toString() : themeName(Theme::System);
}

// Keeps a copy of a session that could not be read, so nothing the user had is lost.
QString keepDamaged(const QString& path) {
  const QFileInfo info(path);
  const QString copy =
      info.dir().filePath(QStringLiteral("session.damaged-%1%2")
                              .arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"))
                              .arg(QString::fromLatin1(kExperimentExtension)));
  QFile::copy(path, copy);
  return copy;
}

}  // namespace

WindowSession::WindowSession(MainWindow& window, QSettings& settings, QString scenePath)
    : QObject(&window), m_window(window), m_settings(settings), m_scenePath(std::move(scenePath)) {
  if (m_scenePath.isEmpty())
    m_scenePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                  QStringLiteral("/session") + QString::fromLatin1(kExperimentExtension);
  m_autosave.setSingleShot(true);
  m_autosave.setInterval(kAutosaveDelayMs);
  connect(&m_autosave, &QTimer::timeout, this, &WindowSession::saveScene);
  for (Page* page : window.pages())
    connect(page, &Page::sceneEdited, &m_autosave, qOverload<>(&QTimer::start));
  connect(window.document(), &Document::changed, &m_autosave, qOverload<>(&QTimer::start));
}

QString WindowSession::restore() {
  const Theme theme = themeFromName(m_settings.value(kTheme).toString());
  for (QAction* action : m_window.themeActions()->actions())
    if (action->data().toString() == themeName(theme)) action->setChecked(true);
  applyTheme(theme);
  m_window.presentation()->setFontScale(
      m_settings.value(kPresentationFontScale, PresentationMode::kDefaultFontScale).toDouble());
  restoreGeometryOnScreen();
  m_window.restoreLayout(m_settings.value(kState).toByteArray());
  for (Page* page : m_window.pages()) page->restorePreferences(m_settings);

  QString problem;
  Experiment scene = defaultExperiment();
  if (QFileInfo::exists(m_scenePath)) {
    try {
      scene = readExperimentFile(m_scenePath.toStdString());
    } catch (const SpecError& error) {
      const QString copy = keepDamaged(m_scenePath);
      problem = tr("The scene of your last session could not be read, so both pages show their "
                   "default scenes. A copy of it is kept in %1.\n\n%2")
                    .arg(copy, QString::fromUtf8(error.what()));
      scene = defaultExperiment();
    }
  }
  Document& document = *m_window.document();
  try {
    document.apply(scene);
  } catch (const SpecError& error) {  // read, but not showable (e.g. a function since removed)
    keepDamaged(m_scenePath);
    problem = tr("The scene of your last session could not be shown: %1")
                  .arg(QString::fromUtf8(error.what()));
    document.apply(defaultExperiment());
  }
  const int page = m_settings.value(kPage, 0).toInt();
  if (page >= 0 && page < m_window.pages().size()) m_window.showPage(page);
  const QString path = m_settings.value(kDocumentPath).toString();
  document.restoreState(path, problem.isEmpty() && m_settings.value(kDocumentModified).toBool());
  return problem;
}

void WindowSession::restoreGeometryOnScreen() {
  if (!m_window.restoreGeometry(m_settings.value(kGeometry).toByteArray())) return;
  // A geometry saved on another screen (or without a window manager) may not fit any screen
  // now: then the window is fitted into the screen it is on.
  QScreen* screen = m_window.screen() ? m_window.screen() : QGuiApplication::primaryScreen();
  if (!screen) return;
  const QRect available = screen->availableGeometry();
  if (available.contains(m_window.frameGeometry())) return;
  const QSize size = m_window.size().boundedTo(available.size() * 0.95);
  m_window.resize(size);
  m_window.move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void WindowSession::save() {
  m_settings.setValue(kGeometry, m_window.saveGeometry());
  m_settings.setValue(kState, m_window.saveLayout());
  m_settings.setValue(kPage, m_window.currentPageIndex());
  m_settings.setValue(kTheme, checkedTheme(m_window));
  m_settings.setValue(kPresentationFontScale, m_window.presentation()->fontScale());
  for (const Page* page : m_window.pages()) page->savePreferences(m_settings);
  m_settings.setValue(kDocumentPath, m_window.document()->path());
  m_settings.setValue(kDocumentModified, m_window.document()->isModified());
  m_settings.sync();
  saveScene();
}

void WindowSession::saveScene() {
  m_autosave.stop();
  QDir().mkpath(QFileInfo(m_scenePath).path());
  try {
    writeExperimentFile(m_scenePath.toStdString(), m_window.document()->capture());
  } catch (const std::exception&) {
    // A full disk or a read-only home: the session is a convenience, never a reason to fail.
  }
}

}  // namespace optiscope::ui

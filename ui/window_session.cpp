#include "ui/window_session.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>
#include <cmath>
#include <limits>

#include "ui/controllers/engine_controller.h"
#include "ui/controllers/scene_store.h"
#include "ui/main_window.h"
#include "ui/panels/playback_controls.h"
#include "ui/views/side_plots.h"
#include "ui/views/theme.h"

namespace optiscope::ui {
namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kTheme = QStringLiteral("view/theme");
const QString kLogSteps = QStringLiteral("view/logStepAxis");
const QString kSpeed = QStringLiteral("playback/speed");
const QString kPage = QStringLiteral("window/page");
// A first launch plays at a pace the eye can follow: the default scene's story unfolds over
// the first few hundred steps.
constexpr double kFirstLaunchSpeed = 100.0;

QString checkedTheme(const MainWindow& window) {
  const QAction* checked = window.themeActions()->checkedAction();
  return checked ? checked->data().toString() : themeName(Theme::System);
}

}  // namespace

void saveSession(QSettings& settings, MainWindow& window, const EngineController& controller) {
  settings.setValue(kGeometry, window.saveGeometry());
  settings.setValue(kState, window.saveLayout());
  settings.setValue(kPage, static_cast<int>(window.currentPage()));
  settings.setValue(kTheme, checkedTheme(window));
  settings.setValue(kLogSteps, window.sidePlots()->logStepAxis());
  // Unlimited is stored as 0: +inf does not survive every settings format.
  const double speed = controller.speed();
  settings.setValue(kSpeed, std::isinf(speed) ? 0.0 : speed);
  writeScene(settings, captureScene(controller));
  settings.sync();
}

bool restoreSession(QSettings& settings, MainWindow& window, EngineController& controller) {
  const Theme theme = themeFromName(settings.value(kTheme).toString());
  for (QAction* action : window.themeActions()->actions())
    if (action->data().toString() == themeName(theme)) action->setChecked(true);
  applyTheme(theme);
  window.restoreGeometry(settings.value(kGeometry).toByteArray());
  window.restoreState(settings.value(kState).toByteArray());
  // The state was saved as the landscape page has it: show that page first, then the saved one.
  window.showPage(MainWindow::Page::Landscape);
  if (settings.value(kPage).toInt() == static_cast<int>(MainWindow::Page::Network))
    window.showPage(MainWindow::Page::Network);
  window.sidePlots()->setLogStepAxis(settings.value(kLogSteps, true).toBool());
  bool ok = false;
  const double speed = settings.value(kSpeed).toDouble(&ok);
  if (ok && std::isfinite(speed) && speed >= 1.0)
    window.speedControl()->setSpeed(speed);
  else if (ok && speed == 0.0)
    window.speedControl()->setSpeed(std::numeric_limits<double>::infinity());
  else
    window.speedControl()->setSpeed(kFirstLaunchSpeed);
  return restoreSceneOrDefault(settings, controller);
}

}  // namespace optiscope::ui

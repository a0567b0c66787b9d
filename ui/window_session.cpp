#include "ui/window_session.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>
#include <cmath>
#include <limits>

#include "ui/common/theme.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/scene_store.h"
#include "ui/landscape/side_plots.h"
#include "ui/main_window.h"

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

void saveSession(QSettings& settings, MainWindow& window, const LandscapePage& landscape) {
  const LandscapeController& controller = *landscape.landscapeController();
  settings.setValue(kGeometry, window.saveGeometry());
  settings.setValue(kState, window.saveLayout());
  settings.setValue(kPage, window.currentPageIndex());
  settings.setValue(kTheme, checkedTheme(window));
  settings.setValue(kLogSteps, landscape.sidePlots()->logStepAxis());
  // Unlimited is stored as 0: +inf does not survive every settings format.
  const double speed = controller.speed();
  settings.setValue(kSpeed, std::isinf(speed) ? 0.0 : speed);
  writeScene(settings, captureScene(controller));
  settings.sync();
}

bool restoreSession(QSettings& settings, MainWindow& window, LandscapePage& landscape) {
  LandscapeController& controller = *landscape.landscapeController();
  const Theme theme = themeFromName(settings.value(kTheme).toString());
  for (QAction* action : window.themeActions()->actions())
    if (action->data().toString() == themeName(theme)) action->setChecked(true);
  applyTheme(theme);
  window.restoreGeometry(settings.value(kGeometry).toByteArray());
  window.restoreLayout(settings.value(kState).toByteArray());
  const int page = settings.value(kPage).toInt();
  if (page >= 0 && page < window.pages().size()) window.showPage(page);
  landscape.sidePlots()->setLogStepAxis(settings.value(kLogSteps, true).toBool());
  bool ok = false;
  const double speed = settings.value(kSpeed).toDouble(&ok);
  if (ok && std::isfinite(speed) && speed >= 1.0)
    controller.setSpeed(speed);
  else if (ok && speed == 0.0)
    controller.setSpeed(std::numeric_limits<double>::infinity());
  else
    controller.setSpeed(kFirstLaunchSpeed);
  return restoreSceneOrDefault(settings, controller);
}

}  // namespace optiscope::ui

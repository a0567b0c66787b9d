// The window as a user drives it: keyboard playback, menus with shortcuts, the status bar.
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSlider>
#include <QStatusBar>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>

#include "ui/app_window.h"
#include "ui/common/landscape_contour_layer.h"
#include "ui/common/playback_controls.h"
#include "ui/common/runs_panel.h"
#include "ui/common/speed_scale.h"
#include "ui/common/status_readout.h"
#include "ui/common/theme.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/loss_plot.h"
#include "ui/landscape/side_plots.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

struct Fixture {
  AppWindow app;
  LandscapeController& controller = app.landscapeController;
  MainWindow& window = app.window;
  LandscapePage& landscape = *app.landscape;
  Fixture() {
    controller.loadDefaultScene();
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.setFocus();  // not in a text field, where Space and Right are typing keys
  }
  long long stepOf(RunId id) {
    controller.pollNow();
    const auto snapshot = controller.snapshot();
    const RunSnapshot* run = snapshot ? snapshot->find(id) : nullptr;
    return run ? run->step : -1;
  }
  QAction* menuAction(const QString& text) {
    for (QAction* action : window.menuActions())
      if (action->text().remove('&') == text) return action;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("Space toggles play", "[ui][window]") {
  Fixture f;
  REQUIRE_FALSE(f.controller.isPlaying());
  QTest::keyClick(&f.window, Qt::Key_Space);
  CHECK(f.controller.isPlaying());
  const RunId id = f.controller.runIds().front();
  CHECK(waitUntil([&] { return f.stepOf(id) > 0; }));
  QTest::keyClick(&f.window, Qt::Key_Space);
  CHECK_FALSE(f.controller.isPlaying());
  REQUIRE(f.controller.waitUntilIdle(5000));
  const long long paused = f.stepOf(id);
  // Paused means no more steps: a full round trip through the engine's worker (a command
  // applied and a snapshot published after it) leaves the step where it was.
  f.controller.setSpeed(f.controller.speed());
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK_FALSE(f.controller.snapshot()->playing);
  CHECK(f.stepOf(id) == paused);
}

TEST_CASE("Right steps every run once, R resets them", "[ui][window]") {
  Fixture f;
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.controller.waitUntilIdle(5000));
  for (RunId id : f.controller.runIds()) CHECK(f.stepOf(id) == 1);
  QTest::keyClick(&f.window, Qt::Key_Right);
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.controller.waitUntilIdle(5000));
  for (RunId id : f.controller.runIds()) CHECK(f.stepOf(id) == 3);
  CHECK_FALSE(f.controller.isPlaying());

  QTest::keyClick(&f.window, Qt::Key_R);
  REQUIRE(f.controller.waitUntilIdle(5000));
  for (RunId id : f.controller.runIds()) CHECK(f.stepOf(id) == 0);
}

TEST_CASE("the status bar shows the step counter", "[ui][window]") {
  Fixture f;
  f.controller.step(42);
  REQUIRE(f.controller.waitUntilIdle(5000));
  auto* status = f.window.statusBar()->findChild<StatusReadout*>();
  REQUIRE(status != nullptr);
  CHECK(waitUntil([&] { return status->text().contains("step 42"); }, 2000));
  CHECK(status->text().contains("steps/s"));
}

TEST_CASE("the menus hold the documented actions and shortcuts", "[ui][window]") {
  Fixture f;
  QStringList menus;
  for (QAction* menu : f.window.menuBar()->actions()) menus << menu->text().remove('&');
  CHECK(menus == QStringList{"File", "Edit", "View", "Run", "Help"});
  const std::vector<std::pair<QString, QKeySequence>> expected = {
      {"New", QKeySequence::New},
      {"Open…", QKeySequence::Open},
      {"Save", QKeySequence::Save},
      {"Save As…", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
      {"Quit", quitKeys()},
      {"Play", QKeySequence(Qt::Key_Space)},
      {"Step", QKeySequence(Qt::Key_Right)},
      {"Reset", QKeySequence(Qt::Key_R)},
      {"Reset view", QKeySequence(Qt::Key_Home)},
      {"Duplicate run", QKeySequence(Qt::CTRL | Qt::Key_D)},
  };
  for (const auto& [text, keys] : expected) {
    INFO(text.toStdString());
    QAction* action = f.menuAction(text);
    REQUIRE(action != nullptr);
    CHECK(action->shortcut() == keys);
  }
  for (const char* text : {"Save screenshot…", "Log color scale", "Show contours", "Log step axis",
                           "Add run", "Remove run", "Keyboard shortcuts", "About Optiscope"})
    CHECK(f.menuAction(text) != nullptr);
}

TEST_CASE("Run menu actions add, duplicate and remove runs", "[ui][window]") {
  Fixture f;
  f.menuAction("Add run")->trigger();
  CHECK(f.controller.runIds().size() == 6);
  f.menuAction("Duplicate run")->trigger();
  REQUIRE(f.controller.runIds().size() == 7);
  CHECK(f.controller.runConfig(f.controller.runIds()[6]).optimizer ==
        f.controller.runConfig(f.controller.runIds()[5]).optimizer);
  f.menuAction("Remove run")->trigger();
  f.menuAction("Remove run")->trigger();
  CHECK(f.controller.runIds().size() == 5);
  f.controller.clearRuns();
  f.menuAction("Default scene of this page")->trigger();
  CHECK(f.controller.runIds().size() == 5);
}

TEST_CASE("the speed slider sets the engine's speed, rightmost unlimited", "[ui][window]") {
  Fixture f;
  QSlider* slider = f.window.speedControl()->slider();
  slider->setValue(2 * SpeedScale::kNotchesPerDecade);
  CHECK(f.controller.speed() == 100.0);
  slider->setValue(0);
  CHECK(f.controller.speed() == 1.0);
  slider->setValue(slider->maximum());
  CHECK(std::isinf(f.controller.speed()));
}

TEST_CASE("View menu: contours, color scale and step axis", "[ui][window]") {
  Fixture f;
  const auto contourLayers = f.landscape.view()->findChildren<LandscapeContourLayer*>();
  REQUIRE_FALSE(contourLayers.isEmpty());
  QAction* contours = f.menuAction("Show contours");
  REQUIRE(contours->isChecked());
  REQUIRE(waitUntil([&] { return f.landscape.view()->shownLandscape() != nullptr; }, 20000));
  contours->trigger();
  for (auto* layer : contourLayers) CHECK_FALSE(layer->visible());
  contours->trigger();
  for (auto* layer : contourLayers) CHECK(layer->visible());

  // Rosenbrock spans decades: the view picks a log scale and the action shows it.
  QAction* logColors = f.menuAction("Log color scale");
  CHECK(waitUntil([&] { return logColors->isChecked(); }, 5000));
  logColors->trigger();
  CHECK(f.landscape.view()->colorScaleMode() == ColorScaleMode::Linear);

  QAction* logSteps = f.menuAction("Log step axis");
  REQUIRE(logSteps->isChecked());
  logSteps->trigger();
  CHECK_FALSE(f.landscape.sidePlots()->logStepAxis());
  CHECK(f.landscape.sidePlots()->lossPlot()->xAxis->scaleType() == QCPAxis::stLinear);
}

TEST_CASE("View menu: a dark theme reaches the plots, and System restores the look",
          "[ui][window]") {
  Fixture f;
  const QPalette before = QApplication::palette();
  LossPlot* plot = f.landscape.sidePlots()->lossPlot();
  auto plotIsDark = [&] { return plot->axisRect()->backgroundBrush().color().lightness() < 128; };
  // Widgets receive a new application palette through the event loop.
  f.menuAction("Dark")->trigger();
  CHECK(isDark(QApplication::palette()));
  CHECK(waitUntil(plotIsDark, 2000));
  CHECK(plot->xAxis->tickLabelColor().lightness() > 128);
  f.menuAction("Light")->trigger();
  CHECK_FALSE(isDark(QApplication::palette()));
  CHECK(waitUntil([&] { return !plotIsDark(); }, 2000));
  CHECK(plot->xAxis->tickLabelColor().lightness() < 128);
  f.menuAction("System")->trigger();
  CHECK(QApplication::palette().color(QPalette::Window) == before.color(QPalette::Window));
}

// The main window's two pages: switching, docks, and playback keys acting on the visible page.
#include <QAction>
#include <QDockWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <catch2/catch.hpp>

#include "ui/app_window.h"
#include "ui/common/page.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/main_window.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

constexpr int kLandscape = 0;
constexpr int kNetwork = 1;

struct Fixture {
  AppWindow app;
  LandscapeController& controller = app.landscapeController;
  NetworkController& network = app.networkController;
  MainWindow& window = app.window;
  Fixture() {
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.setFocus();
  }
  QList<QDockWidget*> docks() const { return window.findChildren<QDockWidget*>(); }
  long long landscapeStep() {
    controller.pollNow();
    const auto snapshot = controller.snapshot();
    return snapshot ? snapshot->find(controller.runIds().front())->step : -1;
  }
  long long networkStep() {
    network.pollNow();
    const RunSnapshot* run = network.runSnapshot(network.runIds().front());
    return run ? run->step : -1;
  }
};

}  // namespace

TEST_CASE("the Network tab shows the page and hides the landscape docks", "[ui][network]") {
  Fixture f;
  REQUIRE(f.window.currentPageIndex() == kLandscape);
  REQUIRE(f.docks().size() == 3);
  for (QDockWidget* dock : f.docks()) CHECK(dock->isVisible());
  f.window.tabs()->setCurrentIndex(kNetwork);
  CHECK(f.window.currentPageIndex() == kNetwork);
  CHECK(f.app.network->isVisible());
  for (QDockWidget* dock : f.docks()) CHECK_FALSE(dock->isVisible());
  // A dock the user had closed stays closed when the landscape comes back.
  f.window.showPage(kLandscape);
  for (QDockWidget* dock : f.docks()) CHECK(dock->isVisible());
  f.docks().front()->close();
  QTest::keyClick(&f.window, Qt::Key_2, Qt::ControlModifier);
  CHECK(f.window.currentPageIndex() == kNetwork);
  QTest::keyClick(&f.window, Qt::Key_1, Qt::ControlModifier);
  CHECK(f.window.currentPageIndex() == kLandscape);
  CHECK_FALSE(f.docks().front()->isVisible());
  CHECK(f.docks().back()->isVisible());
}

TEST_CASE("Space, Right and R act on the visible page only", "[ui][network]") {
  Fixture f;
  f.window.showPage(kNetwork);
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.network.waitUntilIdle(5000));
  CHECK(f.networkStep() == f.network.stepsPerEpoch());  // Right: one epoch
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK(f.landscapeStep() == 0);

  QTest::keyClick(&f.window, Qt::Key_Space);
  CHECK(f.network.isPlaying());
  CHECK_FALSE(f.controller.isPlaying());
  QTest::keyClick(&f.window, Qt::Key_Space);
  CHECK_FALSE(f.network.isPlaying());
  QTest::keyClick(&f.window, Qt::Key_R);
  REQUIRE(f.network.waitUntilIdle(5000));
  CHECK(f.networkStep() == 0);

  f.window.showPage(kLandscape);
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK(f.landscapeStep() == 1);
  REQUIRE(f.network.waitUntilIdle(5000));
  CHECK(f.networkStep() == 0);
}

TEST_CASE("one playback toolbar serves the page on screen", "[ui][network]") {
  Fixture f;
  QToolBar* bar = f.window.findChild<QToolBar*>(QStringLiteral("PlaybackToolBar"));
  REQUIRE(bar != nullptr);
  CHECK(bar->isVisible());
  QAction* step = bar->actions().value(1);
  REQUIRE(step != nullptr);
  CHECK(step->text().remove('&') == QStringLiteral("Step"));
  f.window.showPage(kNetwork);
  CHECK(bar->isVisible());
  CHECK(step->text().remove('&') == QStringLiteral("Epoch"));  // the network steps by epochs
  // The layout saved while on the Network page keeps the landscape page's docks.
  const QByteArray saved = f.window.saveLayout();
  CHECK(f.window.currentPageIndex() == kNetwork);
  for (QDockWidget* dock : f.docks()) CHECK_FALSE(dock->isVisible());
  f.window.showPage(kLandscape);
  f.docks().front()->close();
  REQUIRE(f.window.restoreLayout(saved));
  CHECK(f.docks().front()->isVisible());
}

TEST_CASE("a page that is not on screen does not run", "[ui][network]") {
  Fixture f;
  REQUIRE_FALSE(f.controller.isPlaying());  // nothing plays before the user says so
  REQUIRE_FALSE(f.network.isPlaying());
  QTest::keyClick(&f.window, Qt::Key_Space);
  REQUIRE(f.controller.isPlaying());
  f.window.showPage(kNetwork);
  CHECK_FALSE(f.controller.isPlaying());  // hidden: paused
  CHECK_FALSE(f.network.isPlaying());     // shown: still waiting for Play
  REQUIRE(f.controller.waitUntilIdle(5000));
  const long long hidden = f.landscapeStep();
  // A round trip through the engine's worker leaves the hidden page's runs where they were.
  f.controller.setSpeed(f.controller.speed());
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK(f.landscapeStep() == hidden);
  f.window.showPage(kLandscape);
  CHECK(f.controller.isPlaying());  // it was playing when it was hidden
}

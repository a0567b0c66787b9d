// The main window's two pages: switching, docks, and playback keys acting on the visible page.
#include <QAction>
#include <QDockWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <catch2/catch.hpp>

#include "ui/controllers/engine_controller.h"
#include "ui/controllers/network_controller.h"
#include "ui/main_window.h"
#include "ui/network/network_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

struct Fixture {
  EngineController controller;
  NetworkController network;
  MainWindow window{&controller, &network};
  Fixture() {
    controller.loadDefaultScene();
    network.loadDefaultScene();
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
  REQUIRE(f.window.currentPage() == MainWindow::Page::Landscape);
  REQUIRE(f.docks().size() == 3);
  for (QDockWidget* dock : f.docks()) CHECK(dock->isVisible());
  f.window.pages()->setCurrentIndex(1);
  CHECK(f.window.currentPage() == MainWindow::Page::Network);
  CHECK(f.window.networkPage()->isVisible());
  for (QDockWidget* dock : f.docks()) CHECK_FALSE(dock->isVisible());
  // A dock the user had closed stays closed when the landscape comes back.
  f.window.showPage(MainWindow::Page::Landscape);
  for (QDockWidget* dock : f.docks()) CHECK(dock->isVisible());
  f.docks().front()->close();
  QTest::keyClick(&f.window, Qt::Key_2, Qt::ControlModifier);
  CHECK(f.window.currentPage() == MainWindow::Page::Network);
  QTest::keyClick(&f.window, Qt::Key_1, Qt::ControlModifier);
  CHECK(f.window.currentPage() == MainWindow::Page::Landscape);
  CHECK_FALSE(f.docks().front()->isVisible());
  CHECK(f.docks().back()->isVisible());
}

TEST_CASE("Space, Right and R act on the visible page only", "[ui][network]") {
  Fixture f;
  f.window.showPage(MainWindow::Page::Network);
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.network.waitUntilIdle(5000));
  CHECK(f.networkStep() == f.network.batchesPerEpoch());  // Right: one epoch
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

  f.window.showPage(MainWindow::Page::Landscape);
  QTest::keyClick(&f.window, Qt::Key_Right);
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK(f.landscapeStep() == 1);
  REQUIRE(f.network.waitUntilIdle(5000));
  CHECK(f.networkStep() == 0);
}

TEST_CASE("each page shows its own playback toolbar", "[ui][network]") {
  Fixture f;
  QToolBar* landscapeBar = f.window.findChild<QToolBar*>(QStringLiteral("PlaybackToolBar"));
  QToolBar* networkBar = f.window.findChild<QToolBar*>(QStringLiteral("NetworkPlaybackToolBar"));
  REQUIRE(landscapeBar != nullptr);
  REQUIRE(networkBar != nullptr);
  CHECK(landscapeBar->isVisible());
  CHECK_FALSE(networkBar->isVisible());
  f.window.showPage(MainWindow::Page::Network);
  CHECK_FALSE(landscapeBar->isVisible());
  CHECK(networkBar->isVisible());
  // The layout saved while on the Network page is the landscape page's.
  const QByteArray saved = f.window.saveLayout();
  CHECK(f.window.currentPage() == MainWindow::Page::Network);
  CHECK(networkBar->isVisible());
  for (QDockWidget* dock : f.docks()) CHECK_FALSE(dock->isVisible());
  f.window.showPage(MainWindow::Page::Landscape);
  f.docks().front()->close();
  REQUIRE(f.window.restoreState(saved));
  CHECK(f.docks().front()->isVisible());
}

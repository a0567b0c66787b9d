// The Network page as a whole: training, small multiples, the network drawing.
#include "ui/network/network_page.h"

#include <QCheckBox>
#include <QLabel>
#include <QTest>
#include <catch2/catch.hpp>

#include "ui/common/runs_panel.h"
#include "ui/network/dataset_panel.h"
#include "ui/network/decision_map_job.h"
#include "ui/network/decision_map_view.h"
#include "ui/network/decision_maps_area.h"
#include "ui/network/epoch_curves_plot.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_diagram.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

struct PageFixture {
  NetworkController controller;
  NetworkPage page{&controller};
  PageFixture() {
    controller.loadDefaultScene();
    page.resize(1400, 820);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
  }
  std::optional<double> testAccuracy(RunId id) {
    controller.pollNow();
    const RunSnapshot* run = controller.runSnapshot(id);
    if (!run || !run->epochs || !run->epochs->last) return std::nullopt;
    return run->epochs->last->metrics.testAccuracy;
  }
};

}  // namespace

TEST_CASE("playing trains: test accuracy rises on circle, curves and maps follow",
          "[ui][network]") {
  PageFixture p;
  const RunId adam = p.controller.runIds().at(1);
  REQUIRE(p.controller.style(adam).label == "Adam");
  p.controller.step(0);
  REQUIRE(p.controller.waitUntilIdle(5000));
  const auto initial = p.testAccuracy(adam);
  REQUIRE(initial.has_value());
  CHECK(*initial < 0.8);  // an untrained network is no better than a rough guess
  p.controller.setSpeed(std::numeric_limits<double>::infinity());
  p.controller.play();
  CHECK(waitUntil(
      [&] {
        return p.controller.runSnapshot(adam) &&
               p.controller.runSnapshot(adam)->epochs->epoch >= 30;
      },
      20000));
  p.controller.pause();
  REQUIRE(p.controller.waitUntilIdle(5000));
  const auto trained = p.testAccuracy(adam);
  REQUIRE(trained.has_value());
  CHECK(*trained > 0.95);
  CHECK(*trained > *initial);
  // The loss curves hold one point per recorded epoch.
  const EpochHistory* history = p.controller.epochs(adam);
  REQUIRE(history != nullptr);
  p.page.lossPlot()->refreshNow();
  CHECK(p.page.lossPlot()->graphsOf(adam).first->dataCount() == static_cast<int>(history->size()));
  CHECK(history->size() >= 31);
  // The maps catch up with the trained network off the GUI thread.
  p.page.maps()->requestNow();
  const long long step = p.controller.runSnapshot(adam)->step;
  CHECK(waitUntil([&] {
    const auto maps = p.page.maps()->shownMaps();
    const auto* run = maps ? maps->find(adam) : nullptr;
    return run && run->step == step;
  }));
  CHECK(p.page.maps()->multiple(adam)->imageStep() == step);
}

TEST_CASE("small multiples: one framed map per run", "[ui][network]") {
  PageFixture p;
  CHECK(p.page.maps()->multipleCount() == 4);
  CHECK(p.page.maps()->multiplesVisible());
  CHECK(p.page.lossPlot()->runCount() == 4);
  const RunId added = p.controller.addRun(parseOptimizerSpec("adamw"));
  CHECK(p.page.maps()->multipleCount() == 5);
  CHECK(p.page.runsPanel()->cardCount() == 5);
  REQUIRE(p.page.maps()->multiple(added) != nullptr);
  CHECK(p.page.maps()->multiple(added)->runId() == added);
  for (RunId id : std::vector<RunId>(p.controller.runIds()))
    if (id != added) p.controller.removeRun(id);
  CHECK(p.page.maps()->multipleCount() == 1);
  CHECK_FALSE(p.page.maps()->multiplesVisible());  // one run: the large map says it all
  CHECK(p.controller.selectedRun() == added);
}

TEST_CASE("clicking a small multiple selects its run", "[ui][network]") {
  PageFixture p;
  const RunId third = p.controller.runIds().at(2);
  DecisionMapView* view = p.page.maps()->multiple(third);
  REQUIRE(view != nullptr);
  REQUIRE(view->isVisible());
  QTest::mouseClick(view, Qt::LeftButton, {}, view->pictureRect().center().toPoint());
  CHECK(p.controller.selectedRun() == third);
}

TEST_CASE("hovering a neuron shows its output enlarged", "[ui][network]") {
  PageFixture p;
  NetworkDiagram* diagram = p.page.diagram();
  CHECK(diagram->columnCount() == 4);  // inputs, 8, 8, output
  CHECK(diagram->nodeCount(1) == 8);
  REQUIRE(waitUntil([&] {
    const auto maps = p.page.maps()->shownMaps();
    return maps && maps->neurons.size() == 2;
  }));
  CHECK_FALSE(diagram->zoom()->isVisible());
  const QRectF neuron = diagram->nodeRect({1, 3});
  QTest::mouseMove(diagram, neuron.center().toPoint());
  CHECK(waitUntil([&] { return diagram->zoom()->isVisible(); }, 2000));
  REQUIRE(diagram->hoveredNode().has_value());
  CHECK(diagram->hoveredNode()->column == 1);
  CHECK(diagram->hoveredNode()->index == 3);
  CHECK(diagram->zoom()->pixmap().width() > neuron.width() * 3);
  CHECK(diagram->zoom()->toolTip() == "layer 1, neuron 4");
  QTest::mouseMove(diagram, QPoint(2, diagram->height() - 2));
  CHECK(waitUntil([&] { return !diagram->zoom()->isVisible(); }, 2000));
}

TEST_CASE("connection width grows with |w| and the diagram follows the task", "[ui][network]") {
  CHECK(NetworkDiagram::connectionWidth(0.1) < NetworkDiagram::connectionWidth(1.0));
  CHECK(NetworkDiagram::connectionWidth(-1.0) == NetworkDiagram::connectionWidth(1.0));
  PageFixture p;
  NetworkSettings settings = p.controller.settings();
  settings.hidden = {3};
  settings.features = {Feature::X1, Feature::X2, Feature::SinX1};
  p.controller.setSettings(settings);
  CHECK(p.page.diagram()->columnCount() == 3);
  CHECK(p.page.diagram()->nodeCount(0) == 3);
  CHECK(p.page.diagram()->nodeCount(1) == 3);
}

TEST_CASE("Show test points draws them on every map", "[ui][network]") {
  PageFixture p;
  QCheckBox* box = p.page.datasetPanel()->showTestBox();
  CHECK_FALSE(p.page.maps()->mainMap()->showsTestPoints());
  QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));  // on the box
  CHECK(p.page.maps()->mainMap()->showsTestPoints());
  for (RunId id : p.controller.runIds()) CHECK(p.page.maps()->multiple(id)->showsTestPoints());
}

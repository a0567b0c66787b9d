// NetworkController: the Network page's door to its own engine.
#include "ui/network/network_controller.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "core/util/spec_error.h"

using namespace optiscope;
using namespace optiscope::ui;

TEST_CASE("the default network scene: four optimizers on one initial network", "[ui][network]") {
  NetworkController controller;
  controller.loadDefaultScene();
  REQUIRE(controller.runIds().size() == 4);
  CHECK(controller.datasetChoice().name == "circle");
  CHECK(controller.selectedRun() == controller.runIds().front());
  controller.step(0);
  REQUIRE(controller.waitUntilIdle(5000));
  const Eigen::VectorXd first = controller.runSnapshot(controller.runIds()[0])->params;
  CHECK(first == controller.task()->initialParameters());
  for (RunId id : controller.runIds()) CHECK(controller.runSnapshot(id)->params == first);
}

TEST_CASE("a new task restarts every run; a refused one changes nothing", "[ui][network]") {
  NetworkController controller;
  controller.loadDefaultScene();
  QSignalSpy taskChanged(&controller, &NetworkController::problemChanged);
  controller.step(3 * controller.stepsPerEpoch());
  REQUIRE(controller.waitUntilIdle(5000));
  const RunId id = controller.runIds().front();
  CHECK(controller.runSnapshot(id)->epochs->epoch == 3);

  NetworkSettings settings = controller.settings();
  settings.hidden = {4};
  controller.setSettings(settings);
  CHECK(taskChanged.count() == 1);
  REQUIRE(controller.waitUntilIdle(5000));
  CHECK(controller.runSnapshot(id)->step == 0);
  CHECK(controller.onCurrentTask(*controller.runSnapshot(id)));
  CHECK(controller.currentParams(id).size() == 2 * 4 + 4 + 4 + 1);

  const auto task = controller.task();
  settings.loss = Loss::SquaredError;  // regression loss on classes: refused
  CHECK_THROWS_AS(controller.setSettings(settings), SpecError);
  CHECK(controller.task() == task);
  CHECK(taskChanged.count() == 1);
  DatasetChoice bad = controller.datasetChoice();
  bad.trainRatio = 1.5;
  CHECK_THROWS_AS(controller.setDataset(bad), SpecError);
  CHECK(controller.task() == task);
}

TEST_CASE("step one epoch brings every run to the next epoch boundary", "[ui][network]") {
  NetworkController controller;
  controller.loadDefaultScene();
  controller.stepOnce();
  REQUIRE(controller.waitUntilIdle(5000));
  for (RunId id : controller.runIds()) {
    CHECK(controller.runSnapshot(id)->epochs->epoch == 1);
    CHECK(controller.runSnapshot(id)->step == controller.stepsPerEpoch());
  }
  controller.step(3);  // mid-epoch
  controller.stepOnce();
  REQUIRE(controller.waitUntilIdle(5000));
  CHECK(controller.runSnapshot(controller.runIds()[0])->step == 2 * controller.stepsPerEpoch());
  CHECK(controller.epochs(controller.runIds()[0])->size() == 3);  // epochs 0, 1, 2
}

TEST_CASE("selection follows removal; duplicate copies the optimizer", "[ui][network]") {
  NetworkController controller;
  controller.loadDefaultScene();
  QSignalSpy selected(&controller, &NetworkController::selectedRunChanged);
  const RunId first = controller.runIds()[0], second = controller.runIds()[1],
              third = controller.runIds()[2];
  controller.selectRun(second);
  CHECK(controller.selectedRun() == second);
  controller.removeRun(second);
  CHECK(controller.selectedRun() == third);  // the run that took its place in the list
  CHECK(selected.count() == 2);
  const RunId copy = controller.duplicateRun(first);
  CHECK(controller.runConfig(copy).optimizer == controller.runConfig(first).optimizer);
  CHECK(controller.style(copy).color != controller.style(first).color);
  controller.clearRuns();
  CHECK(controller.selectedRun() == 0);
}

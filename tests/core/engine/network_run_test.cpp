// One Run over a NetworkProblem: a network trained minibatch by minibatch.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "core/engine/network_problem.h"
#include "core/engine/run.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using optiscope::testing::CountAllocations;

namespace {

NetworkTask circleTask(int batch = 10, std::uint64_t seed = 1) {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("circle", {500, 0.0, seed}), 0.5, seed));
  NetworkSettings settings;
  settings.hidden = {4};
  settings.batchSize = batch;
  settings.seed = seed;
  return NetworkTask(data, settings);
}

// A run training `task` with `optimizer` from the task's seeded initial network.
Run networkRun(NetworkTask task, const std::string& optimizer) {
  return Run({std::make_shared<const NetworkProblem>(std::move(task)),
              parseOptimizerSpec(optimizer), parseScheduleSpec("constant"), std::nullopt});
}

NetworkTask& taskOf(Run& run) { return dynamic_cast<NetworkProblem&>(run.problem()).task(); }
NetworkMetrics evaluate(Run& run) { return taskOf(run).evaluate(run.params()); }

}  // namespace

TEST_CASE("a network run is deterministic and a copy replays it exactly") {
  Run a = networkRun(circleTask(), "adam:lr=0.03");
  Run b = networkRun(circleTask(), "adam:lr=0.03");
  for (int k = 0; k < 37; ++k) a.advance();
  Run checkpoint = a;
  for (int k = 0; k < 63; ++k) a.advance();
  for (int k = 0; k < 100; ++k) b.advance();
  for (int k = 0; k < 63; ++k) checkpoint.advance();
  CHECK(a.step() == 100);
  CHECK(a.params() == b.params());
  CHECK(a.gradient() == b.gradient());
  CHECK(checkpoint.params() == a.params());
  CHECK(checkpoint.loss() == a.loss());
  CHECK(a.params() != a.startParams());

  a.reset();
  CHECK(a.step() == 0);
  CHECK(a.params() == a.startParams());
  for (int k = 0; k < 100; ++k) a.advance();
  CHECK(a.params() == b.params());
}

TEST_CASE("runs of different optimizers on one task start from the same network") {
  const NetworkTask task = circleTask();
  Run adam = networkRun(task, "adam:lr=0.03");
  Run sgd = networkRun(task, "sgd:lr=0.1");
  CHECK(adam.params() == sgd.params());
  CHECK(adam.gradient() == sgd.gradient());
  adam.advance();
  sgd.advance();
  CHECK(adam.params() != sgd.params());
}

TEST_CASE("an epoch is one pass over the training set") {
  Run run = networkRun(circleTask(7), "sgd:lr=0.1");
  CHECK(run.problem().stepsPerEpoch() == 36);  // 250 training points in batches of 7
  run.advanceEpoch();
  CHECK(run.step() == 36);
  CHECK(run.epoch() == 1);
  run.advance();
  run.advanceEpoch();
  CHECK(run.step() == 72);
  CHECK(run.epoch() == 2);
}

TEST_CASE("training with adam learns the circle") {
  Run run = networkRun(circleTask(), "adam:lr=0.03");
  const NetworkMetrics before = evaluate(run);
  for (int e = 0; e < 30; ++e) run.advanceEpoch();
  const NetworkMetrics after = evaluate(run);
  CHECK(after.trainLoss < 0.5 * before.trainLoss);
  CHECK(*after.testAccuracy >= 0.95);
  CHECK(run.effectiveLr().size() == taskOf(run).parameterCount());
  CHECK(run.lastLr() == 0.03);
}

TEST_CASE("a training step allocates nothing across epoch boundaries too") {
  Run run = networkRun(circleTask(24), "adam:lr=0.01");
  run.advance();
  std::size_t allocated = 0;
  {
    CountAllocations allocations;
    for (int k = 0; k < 40; ++k) run.advance();  // 11 batches per epoch
    evaluate(run);
    allocated = allocations.count();
  }
  CHECK(allocated == 0);
  CHECK(run.epoch() == 3);
}

TEST_CASE("a diverging run stops and says so") {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("plane", {200, 0.0, 1}), 0.5, 1));
  NetworkSettings settings;
  settings.activation = Activation::Linear;
  Run run = networkRun(NetworkTask(data, settings), "sgd:lr=50");
  for (int k = 0; k < 500 && !run.diverged(); ++k) run.advance();
  REQUIRE(run.diverged());
  const long long stoppedAt = run.step();
  run.advance();
  run.advanceEpoch();
  CHECK(run.step() == stoppedAt);
}

TEST_CASE("changing the learning rate keeps the optimizer state while a new optimizer resets") {
  Run run = networkRun(circleTask(), "adam:lr=0.03");
  for (int k = 0; k < 10; ++k) run.advance();
  run.setOptimizerConfig(parseOptimizerSpec("adam:lr=0.001"));
  CHECK(run.step() == 10);
  CHECK(run.optimizer().lr() == 0.001);
  run.setOptimizerConfig(parseOptimizerSpec("sgd:lr=0.1"));
  CHECK(run.step() == 0);
  CHECK(run.params() == run.startParams());
}

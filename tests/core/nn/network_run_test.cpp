#include "core/nn/network_run.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

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

}  // namespace

TEST_CASE("a network run is deterministic and a copy replays it exactly") {
  NetworkRun a(circleTask(), parseOptimizerSpec("adam:lr=0.03"));
  NetworkRun b(circleTask(), parseOptimizerSpec("adam:lr=0.03"));
  for (int k = 0; k < 37; ++k) a.advance();
  NetworkRun checkpoint = a;
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
  NetworkRun adam(task, parseOptimizerSpec("adam:lr=0.03"));
  NetworkRun sgd(task, parseOptimizerSpec("sgd:lr=0.1"));
  CHECK(adam.params() == sgd.params());
  CHECK(adam.gradient() == sgd.gradient());
  adam.advance();
  sgd.advance();
  CHECK(adam.params() != sgd.params());
}

TEST_CASE("an epoch is one pass over the training set") {
  NetworkRun run(circleTask(7), parseOptimizerSpec("sgd:lr=0.1"));
  CHECK(run.batchesPerEpoch() == 36);  // 250 training points in batches of 7
  run.advanceEpoch();
  CHECK(run.step() == 36);
  CHECK(run.epoch() == 1);
  run.advance();
  run.advanceEpoch();
  CHECK(run.step() == 72);
  CHECK(run.epoch() == 2);
}

TEST_CASE("training with adam learns the circle") {
  NetworkRun run(circleTask(), parseOptimizerSpec("adam:lr=0.03"));
  const NetworkMetrics before = run.evaluate();
  for (int e = 0; e < 30; ++e) run.advanceEpoch();
  const NetworkMetrics after = run.evaluate();
  CHECK(after.trainLoss < 0.5 * before.trainLoss);
  CHECK(*after.testAccuracy >= 0.95);
  CHECK(run.effectiveLr().size() == run.task().parameterCount());
  CHECK(run.lastLr() == 0.03);
}

TEST_CASE("a training step allocates nothing across epoch boundaries too") {
  NetworkRun run(circleTask(24), parseOptimizerSpec("adam:lr=0.01"));
  run.advance();
  std::size_t allocated = 0;
  {
    CountAllocations allocations;
    for (int k = 0; k < 40; ++k) run.advance();  // 11 batches per epoch
    run.evaluate();
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
  NetworkRun run(NetworkTask(data, settings), parseOptimizerSpec("sgd:lr=50"));
  for (int k = 0; k < 500 && !run.diverged(); ++k) run.advance();
  REQUIRE(run.diverged());
  const long long stoppedAt = run.step();
  run.advance();
  run.advanceEpoch();
  CHECK(run.step() == stoppedAt);
}

TEST_CASE("changing the learning rate keeps the optimizer state while a new optimizer resets") {
  NetworkRun run(circleTask(), parseOptimizerSpec("adam:lr=0.03"));
  for (int k = 0; k < 10; ++k) run.advance();
  run.setOptimizerConfig(parseOptimizerSpec("adam:lr=0.001"));
  CHECK(run.step() == 10);
  CHECK(run.optimizer().lr() == 0.001);
  run.setOptimizerConfig(parseOptimizerSpec("sgd:lr=0.1"));
  CHECK(run.step() == 0);
  CHECK(run.params() == run.startParams());
}

#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "core/engine/engine.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run_traces.h"
#include "engine_test_support.h"
#include "network_test_support.h"

// Issue 5, item 3: network runs go through the same engine as the 2D runs, with the numbers
// of a network Run stepped in a plain loop, bit for bit, whatever the speed, batching, pauses
// or other runs. One engine tick is one minibatch step.

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using testing::firstEpochDifference;
using testing::firstLossDifference;
using testing::kBatchesPerEpoch;
using testing::lossesOf;
using testing::networkConfig;
using testing::networkReference;
using testing::sameBits;
using testing::settle;

constexpr long long kSteps = 40 * kBatchesPerEpoch;

std::vector<RunConfig> configs() {
  return {networkConfig("adam:lr=0.03"),
          networkConfig("sgd:lr=0.1,momentum=0.9,nesterov=true", "cosine:t_max=120"),
          networkConfig("rmsprop:lr=0.01,centered=true"), networkConfig("adagrad:lr=0.1")};
}

// Every loss the engine handed over and every epoch record, against the plain loop.
void requireMatchesReference(const RunTraces& traces, RunId id, const RunConfig& config,
                             long long steps) {
  const auto expected = networkReference(config, steps);
  const Trace* trace = traces.find(id);
  REQUIRE(trace != nullptr);
  REQUIRE(trace->dim() == 0);
  const auto losses = lossesOf(*trace);
  INFO(config.optimizer.spec() << ": " << firstLossDifference(losses, expected.losses));
  REQUIRE(losses.size() == expected.losses.size());
  for (std::size_t k = 0; k < losses.size(); ++k) {
    REQUIRE((*trace)[k].step == static_cast<long long>(k));
    REQUIRE(sameBits(losses[k], expected.losses[k]));
  }
  const EpochHistory* history = traces.epochs(id);
  REQUIRE(history != nullptr);
  std::vector<EpochRecord> records;
  for (std::size_t i = 0; i < history->size(); ++i) records.push_back((*history)[i]);
  INFO(firstEpochDifference(records, expected.epochs));
  REQUIRE(records.size() == expected.epochs.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    REQUIRE(testing::sameRecord(records[i], expected.epochs[i]));
}

// The snapshot's live state against a network Run stepped to the same step.
void requireSnapshotMatches(const RunSnapshot& actual, const Run& expected) {
  REQUIRE(actual.step == expected.step());
  REQUIRE(sameBits(actual.params, expected.params()));
  REQUIRE(sameBits(actual.gradient, expected.gradient()));
  REQUIRE(sameBits(actual.effectiveLr, expected.effectiveLr()));
  REQUIRE(sameBits(actual.loss, expected.loss()));
  REQUIRE(sameBits(actual.lr, expected.optimizer().lr()));
  REQUIRE(sameBits(actual.lastLr, expected.lastLr()));
  const auto state = expected.optimizer().state();
  REQUIRE(actual.state.size() == state.size());
  for (std::size_t i = 0; i < state.size(); ++i) {
    REQUIRE(actual.state[i].name == state[i].name);
    REQUIRE(sameBits(actual.state[i].values, *state[i].values));
  }
}

Run steppedRun(const RunConfig& config, long long steps) {
  Run run(config);
  for (long long k = 0; k < steps; ++k) run.advance();
  return run;
}

}  // namespace

TEST_CASE("a network run in the engine reproduces a plain network Run loop bit for bit") {
  for (const RunConfig& config : configs()) {
    Engine engine;
    RunTraces traces;
    const RunId id = engine.addRun(config, RunOptions{kSteps, true});
    engine.play();
    settle(engine, traces);
    requireMatchesReference(traces, id, config, kSteps);
    const RunSnapshot* run = engine.snapshot()->find(id);
    REQUIRE(run->finished);
    requireSnapshotMatches(*run, steppedRun(config, kSteps));
  }
}

TEST_CASE("network runs match the plain loop whatever the batch size and speed") {
  const RunConfig config = configs()[0];
  for (auto budget : {1us, 100'000us}) {
    EngineOptions options;
    options.batchBudget = budget;
    Engine engine(options);
    RunTraces traces;
    const RunId id = engine.addRun(config, RunOptions{kSteps, true});
    engine.play();
    settle(engine, traces);
    requireMatchesReference(traces, id, config, kSteps);
  }
  SECTION("at a limited speed, taking deltas while it runs and handing them back") {
    Engine engine;
    RunTraces traces;
    const RunId id = engine.addRun(config, RunOptions{kSteps, true});
    engine.setSpeed(4'000.0);
    engine.play();
    std::vector<TraceDelta> deltas;
    for (int i = 0; i < 6; ++i) {
      std::this_thread::sleep_for(10ms);
      deltas = engine.takeTraceDeltas(std::move(deltas));
      traces.absorb(deltas);
    }
    settle(engine, traces);
    requireMatchesReference(traces, id, config, kSteps);
  }
}

TEST_CASE("several optimizers train the same initial network side by side") {
  const std::vector<RunConfig> racers = configs();
  Engine engine;
  RunTraces traces;
  std::vector<RunId> ids;
  for (const RunConfig& config : racers)
    ids.push_back(engine.addRun(config, RunOptions{kSteps, true}));
  engine.play();
  settle(engine, traces);

  const NetworkTask task(testing::smallSplit(), testing::smallSettings());
  const Eigen::VectorXd initial = task.initialParameters();
  const auto snapshot = engine.snapshot();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    REQUIRE(sameBits((*traces.epochs(ids[i]))[0].params, initial));
    requireMatchesReference(traces, ids[i], racers[i], kSteps);
    for (std::size_t j = 0; j < i; ++j)
      REQUIRE((snapshot->find(ids[i])->params - snapshot->find(ids[j])->params).norm() > 1e-3);
  }
}

TEST_CASE("2D and network runs share one engine without touching each other's numbers") {
  const RunConfig planar = makeRunConfig("rosenbrock", "adam:lr=0.05");
  const RunConfig network = configs()[1];
  const RunConfig other = configs()[2];
  Engine engine;
  RunTraces traces;
  const RunId a = engine.addRun(planar, RunOptions{kSteps, true});
  const RunId b = engine.addRun(network, RunOptions{kSteps, true});
  const RunId c = engine.addRun(other, RunOptions{kSteps / 2, true});
  // Pauses, single steps and resumptions at arbitrary points, as a user would.
  engine.step(3);
  REQUIRE(engine.waitUntilIdle(10s));
  engine.step(kBatchesPerEpoch + 1);
  REQUIRE(engine.waitUntilIdle(10s));
  traces.absorb(engine.takeTraceDeltas());
  engine.play();
  std::this_thread::sleep_for(1ms);
  engine.pause();
  engine.play();
  settle(engine, traces);

  const auto planarTrace = testing::recordsOf(*traces.find(a));
  const auto planarExpected = testing::referenceRecords(planar, kSteps);
  INFO(testing::firstDifference(planarTrace, planarExpected));
  REQUIRE(planarTrace.size() == planarExpected.size());
  for (std::size_t i = 0; i < planarTrace.size(); ++i)
    REQUIRE(sameBits(planarTrace[i], planarExpected[i]));
  REQUIRE(traces.epochs(a) == nullptr);
  requireMatchesReference(traces, b, network, kSteps);
  requireMatchesReference(traces, c, other, kSteps / 2);
}

TEST_CASE("step(n) counts minibatch steps; epochs complete every batchesPerEpoch steps") {
  const RunConfig config = configs()[0];
  Engine engine;
  const RunId id = engine.addRun(config);
  const RunId planar = engine.addRun(makeRunConfig("himmelblau", "sgd"));
  REQUIRE(engine.waitUntilIdle(10s));
  auto snapshot = engine.snapshot();
  const RunSnapshot* run = snapshot->find(id);
  REQUIRE(run->step == 0);
  REQUIRE(run->epochs->epoch == 0);
  REQUIRE(run->epochs->stepsPerEpoch == kBatchesPerEpoch);
  REQUIRE(run->epochs->last.has_value());
  REQUIRE(run->epochs->last->step == 0);

  engine.step(kBatchesPerEpoch + 2);
  REQUIRE(engine.waitUntilIdle(10s));
  snapshot = engine.snapshot();
  run = snapshot->find(id);
  REQUIRE(run->step == kBatchesPerEpoch + 2);
  REQUIRE(snapshot->find(planar)->step == kBatchesPerEpoch + 2);
  REQUIRE(run->epochs->epoch == 1);
  REQUIRE(run->epochs->last->epoch == 1);
  REQUIRE(run->epochs->last->step == kBatchesPerEpoch);
  REQUIRE_FALSE(snapshot->playing);
  requireSnapshotMatches(*run, steppedRun(config, kBatchesPerEpoch + 2));

  engine.step(kBatchesPerEpoch - 2);
  REQUIRE(engine.waitUntilIdle(10s));
  snapshot = engine.snapshot();
  run = snapshot->find(id);
  REQUIRE(run->step == 2 * kBatchesPerEpoch);
  REQUIRE(run->epochs->epoch == 2);
  REQUIRE(run->epochs->last->epoch == 2);
  REQUIRE(snapshot->totalSteps == 2 * 2 * kBatchesPerEpoch);
  Run expected = steppedRun(config, 2 * kBatchesPerEpoch);
  REQUIRE(testing::sameRecord(*run->epochs->last, testing::epochRecordOf(expected)));
}

TEST_CASE("a network run's snapshot names its configuration and its epochs") {
  const RunConfig config = networkConfig("sgd:lr=0.2");
  Engine engine;
  const RunId id = engine.addRun(config, RunOptions{3 * kBatchesPerEpoch + 1, false});
  const RunId planar = engine.addRun(makeRunConfig("rosenbrock", "adam"), RunOptions{4, false});
  engine.play();
  REQUIRE(engine.waitUntilIdle(10s));
  const auto snapshot = engine.snapshot();
  const RunSnapshot* run = snapshot->find(id);
  REQUIRE(run->config->problem == config.problem);
  REQUIRE(testing::networkOf(*run->config).data() == testing::networkOf(config).data());
  REQUIRE(testing::networkOf(*run->config).settings() == testing::networkOf(config).settings());
  REQUIRE(run->config->optimizer == config.optimizer);
  REQUIRE(run->config->schedule == config.schedule);
  REQUIRE(dynamic_cast<const ObjectiveProblem*>(run->config->problem.get()) == nullptr);
  REQUIRE(run->finished);
  REQUIRE(run->step == 3 * kBatchesPerEpoch + 1);
  REQUIRE(run->epochs->epoch == 3);
  REQUIRE(run->epochs->stepsPerEpoch == kBatchesPerEpoch);
  REQUIRE(run->epochs->last->epoch == 3);
  REQUIRE(run->epochs->last->metrics.trainAccuracy.has_value());
  // Plain SGD applies its lr to every weight and bias: each layer's bands collapse onto it.
  REQUIRE(run->epochs->last->layerRates.size() == 2);
  for (const RateBands& bands : run->epochs->last->layerRates)
    for (double value : {bands.min, bands.p10, bands.median, bands.p90, bands.max})
      REQUIRE(value == 0.2);

  const RunSnapshot* plain = snapshot->find(planar);
  REQUIRE(networkProblemOf(plain->config->problem.get()) == nullptr);
  REQUIRE_FALSE(plain->epochs.has_value());
}

TEST_CASE("epoch 0 is the initial network, with NaN rate bands before any update") {
  Engine engine;
  RunTraces traces;
  const RunConfig config = networkConfig("adam");
  const RunId id = engine.addRun(config);
  settle(engine, traces);
  const EpochHistory* history = traces.epochs(id);
  REQUIRE(history != nullptr);
  REQUIRE(history->size() == 1);
  const EpochRecord& first = (*history)[0];
  REQUIRE(first.epoch == 0);
  REQUIRE(first.step == 0);
  REQUIRE(first.layerRates.size() == 2);
  for (const RateBands& bands : first.layerRates) REQUIRE(std::isnan(bands.median));
  Run expected(config);
  REQUIRE(
      testing::sameMetrics(first.metrics, testing::taskOf(expected).evaluate(expected.params())));
}

}  // namespace optiscope

#include <catch2/catch.hpp>

#include "core/engine/engine.h"
#include "core/engine/network_problem.h"
#include "core/engine/problem_changes.h"
#include "core/engine/run_traces.h"
#include "core/util/spec_error.h"
#include "engine_test_support.h"
#include "network_test_support.h"

// Issue 5, item 3: the engine's commands work on network runs exactly as on 2D runs, with
// the numbers a plain network Run given the same change at the same step produces.

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using testing::continueReference;
using testing::kBatchesPerEpoch;
using testing::lossesOf;
using testing::networkConfig;
using testing::NetworkReference;
using testing::referenceOf;
using testing::sameBits;
using testing::settle;

void playTo(Engine& engine, const std::vector<RunId>& ids, long long limit, RunTraces& traces) {
  for (RunId id : ids) REQUIRE(engine.setStepLimit(id, limit));
  engine.play();
  settle(engine, traces);
}

std::vector<EpochRecord> recordsOf(const EpochHistory& history) {
  std::vector<EpochRecord> records;
  for (std::size_t i = 0; i < history.size(); ++i) records.push_back(history[i]);
  return records;
}

void requireSame(const RunTraces& traces, RunId id, const NetworkReference& expected) {
  const auto losses = lossesOf(*traces.find(id));
  INFO(testing::firstLossDifference(losses, expected.losses));
  REQUIRE(losses.size() == expected.losses.size());
  for (std::size_t k = 0; k < losses.size(); ++k) REQUIRE(sameBits(losses[k], expected.losses[k]));
  const auto records = recordsOf(*traces.epochs(id));
  INFO(testing::firstEpochDifference(records, expected.epochs));
  REQUIRE(records.size() == expected.epochs.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    REQUIRE(testing::sameRecord(records[i], expected.epochs[i]));
}

}  // namespace

TEST_CASE("network runs: new hyperparameters mid-epoch keep the optimizer state") {
  const RunConfig config = networkConfig("adam:lr=0.01");
  const OptimizerConfig faster = parseOptimizerSpec("adam:lr=0.05,beta2=0.99");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 12, traces);
  REQUIRE(engine.setOptimizer(id, faster));
  playTo(engine, {id}, 30, traces);

  Run reference(config);
  NetworkReference expected = referenceOf(reference);
  continueReference(reference, 12, expected);
  reference.setOptimizerConfig(faster);
  continueReference(reference, 18, expected);
  requireSame(traces, id, expected);

  const auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(id)->generation == 0);
  REQUIRE(snapshot->find(id)->config->optimizer == faster);
  REQUIRE(engine.runConfig(id)->optimizer == faster);
}

TEST_CASE("network runs: another optimizer kind restarts the run with it") {
  const RunConfig config = networkConfig("adam:lr=0.01");
  const OptimizerConfig sgd = parseOptimizerSpec("sgd:lr=0.1");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 7, traces);
  REQUIRE(engine.setOptimizer(id, sgd));
  playTo(engine, {id}, 10, traces);
  REQUIRE(traces.generation(id) == 1);
  RunConfig restarted = config;
  restarted.optimizer = sgd;
  requireSame(traces, id, testing::networkReference(restarted, 10));
  REQUIRE(engine.snapshot()->find(id)->generation == 1);
}

TEST_CASE("network runs: a new schedule takes effect from the next step") {
  const RunConfig config = networkConfig("sgd:lr=0.1,momentum=0.9");
  const ScheduleConfig decay = parseScheduleSpec("step:step_size=3,gamma=0.5");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 8, traces);
  REQUIRE(engine.setSchedule(id, decay));
  playTo(engine, {id}, 20, traces);

  Run reference(config);
  NetworkReference expected = referenceOf(reference);
  continueReference(reference, 8, expected);
  reference.setScheduleConfig(decay);
  continueReference(reference, 12, expected);
  requireSame(traces, id, expected);
  REQUIRE(engine.snapshot()->find(id)->config->schedule == decay);
  REQUIRE(engine.snapshot()->find(id)->lr == reference.optimizer().lr());
}

TEST_CASE("network runs: reset, step limits and removal") {
  const RunConfig config = networkConfig("rmsprop:lr=0.01");
  Engine engine;
  RunTraces traces;
  const RunId a = engine.addRun(config, RunOptions{0, true});
  const RunId b = engine.addRun(networkConfig("adagrad:lr=0.1"), RunOptions{0, true});
  playTo(engine, {a, b}, 2 * kBatchesPerEpoch + 3, traces);
  auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->finished);
  REQUIRE(snapshot->find(a)->step == 2 * kBatchesPerEpoch + 3);
  REQUIRE(snapshot->find(a)->epochs->epoch == 2);

  engine.pause();  // otherwise the reset run would set off again towards its limit
  REQUIRE(engine.reset(a));
  REQUIRE(engine.waitUntilIdle(10s));
  traces.absorb(engine.takeTraceDeltas());
  snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->step == 0);
  REQUIRE(snapshot->find(a)->generation == 1);
  REQUIRE(snapshot->find(a)->epochs->last->step == 0);
  REQUIRE(snapshot->find(b)->generation == 0);
  REQUIRE(traces.epochs(a)->size() == 1);  // the restart replaced the history
  playTo(engine, {a}, kBatchesPerEpoch, traces);
  requireSame(traces, a, testing::networkReference(config, kBatchesPerEpoch));

  engine.pause();
  engine.resetAll();
  REQUIRE(engine.waitUntilIdle(10s));
  REQUIRE(engine.snapshot()->find(b)->generation == 1);
  REQUIRE(engine.snapshot()->find(b)->step == 0);

  REQUIRE(engine.removeRun(a));
  REQUIRE_FALSE(engine.removeRun(a));
  REQUIRE_FALSE(engine.reset(a));
  REQUIRE_FALSE(engine.setOptimizer(a, parseOptimizerSpec("sgd")));
  REQUIRE_FALSE(engine.setStepLimit(a, 3));
  REQUIRE_FALSE(engine.runConfig(a).has_value());
  REQUIRE(engine.runIds() == std::vector<RunId>{b});
  REQUIRE(engine.waitUntilIdle(10s));
  snapshot = engine.snapshot();
  REQUIRE(snapshot->runs.size() == 1);
  REQUIRE(snapshot->find(a) == nullptr);
  traces.retainRunsOf(*snapshot);
  REQUIRE(traces.epochs(a) == nullptr);
  REQUIRE(traces.epochs(b) != nullptr);
}

TEST_CASE("network runs ignore a new objective; a new network task restarts them all") {
  Engine engine;
  RunTraces traces;
  const RunConfig planar = makeRunConfig("rosenbrock", "adam:lr=0.01");
  const RunId p = engine.addRun(planar);
  const RunId a = engine.addRun(networkConfig("adam:lr=0.02"));
  const RunId b = engine.addRun(networkConfig("sgd:lr=0.1", "cosine:t_max=50"));
  engine.step(4);
  REQUIRE(engine.waitUntilIdle(10s));
  // A start of the wrong size is refused (the run has the network's parameter count).
  REQUIRE_THROWS_AS(engine.setStart(a, Eigen::VectorXd::Zero(17)), SpecError);
  restartOnObjective(engine, parseObjectiveSpec("himmelblau"));
  REQUIRE(engine.waitUntilIdle(10s));
  auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(p)->generation == 1);
  REQUIRE(snapshot->find(a)->generation == 0);
  REQUIRE(snapshot->find(a)->step == 4);

  NetworkSettings wider = testing::smallSettings();
  wider.hidden = {3, 2};
  wider.seed = 5;
  const auto data = testing::smallSplit();
  restartOnNetworkTask(engine, data, wider);
  REQUIRE(engine.waitUntilIdle(10s));
  snapshot = engine.snapshot();
  REQUIRE(snapshot->find(p)->generation == 1);
  REQUIRE(snapshot->find(p)->step == 0);
  const Eigen::VectorXd initial = NetworkTask(data, wider).initialParameters();
  for (RunId id : {a, b}) {
    const RunSnapshot* run = snapshot->find(id);
    REQUIRE(run->generation == 1);
    REQUIRE(run->step == 0);
    REQUIRE(sameBits(run->params, initial));
    REQUIRE(testing::networkOf(*run->config).settings() == wider);
    REQUIRE(run->epochs->last->layerRates.size() == 3);
    REQUIRE(testing::networkOf(*engine.runConfig(id)).settings() == wider);
  }
  REQUIRE(snapshot->find(a)->config->optimizer == parseOptimizerSpec("adam:lr=0.02"));
  REQUIRE(snapshot->find(b)->config->schedule == parseScheduleSpec("cosine:t_max=50"));
  REQUIRE(engine.runConfig(b)->optimizer == parseOptimizerSpec("sgd:lr=0.1"));

  // Settings that do not fit the data change nothing.
  NetworkSettings regression = wider;
  regression.loss = Loss::SquaredError;
  REQUIRE_THROWS_AS(restartOnNetworkTask(engine, data, regression), SpecError);
  REQUIRE(testing::networkOf(*engine.runConfig(a)).settings() == wider);
}

TEST_CASE("invalid network runs and changes throw in the caller's thread") {
  Engine engine;
  RunConfig noProblem = networkConfig("adam");
  noProblem.problem = nullptr;
  REQUIRE_THROWS_AS(engine.addRun(noProblem), SpecError);
  REQUIRE_THROWS_AS(NetworkProblem(nullptr, testing::smallSettings()), SpecError);
  RunConfig wrongStart = networkConfig("adam");
  wrongStart.start = Eigen::VectorXd::Zero(3);
  REQUIRE_THROWS_AS(engine.addRun(wrongStart), SpecError);
  REQUIRE_THROWS_AS(engine.addRun(networkConfig("adam"), RunOptions{-2, false}), SpecError);
  REQUIRE(engine.runIds().empty());

  const RunConfig config = networkConfig("adagrad:lr=0.1");
  const RunId id = engine.addRun(config);
  // A cycling momentum schedule cannot drive an optimizer without momentum (AdaGrad).
  REQUIRE_THROWS_AS(
      engine.setSchedule(id, parseScheduleSpec("onecycle:max_lr=0.1,total_steps=100")), SpecError);
  REQUIRE_THROWS_AS(engine.setStepLimit(id, -2), SpecError);
  REQUIRE(engine.runConfig(id)->schedule == config.schedule);
  REQUIRE_FALSE(engine.runConfig(424242).has_value());
  const RunId planar = engine.addRun(makeRunConfig("rosenbrock", "adam"));
  REQUIRE(networkProblemOf(engine.runConfig(planar)->problem.get()) == nullptr);
  REQUIRE(engine.runConfig(id)->optimizer == config.optimizer);
  REQUIRE(engine.runIds() == std::vector<RunId>{id, planar});
  REQUIRE(engine.waitUntilIdle(10s));
  REQUIRE(engine.snapshot()->find(id)->step == 0);
  REQUIRE(engine.snapshot()->lastError.empty());
}

}  // namespace optiscope

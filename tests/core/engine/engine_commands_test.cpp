#include <catch2/catch.hpp>

#include "core/engine/engine.h"
#include "core/engine/problem_changes.h"
#include "core/engine/run_traces.h"
#include "core/util/spec_error.h"
#include "engine_test_support.h"

// Issue 3, items 2 and 7: commands take effect at the next step boundary with the numbers
// a plain Run given the same change at the same step would produce.

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using testing::continueRecords;
using testing::firstDifference;
using testing::recordOf;
using testing::recordsOf;
using testing::referenceRecords;
using testing::settle;
using testing::StepRecord;

void requireSame(const std::vector<StepRecord>& actual, const std::vector<StepRecord>& expected) {
  INFO(firstDifference(actual, expected));
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    REQUIRE(testing::sameBits(actual[i], expected[i]));
}

// Plays until every run reached `limit`.
void playTo(Engine& engine, const std::vector<RunId>& ids, long long limit, RunTraces& traces) {
  for (RunId id : ids) REQUIRE(engine.setStepLimit(id, limit));
  engine.play();
  settle(engine, traces);
}

}  // namespace

TEST_CASE("changing hyperparameters mid-run keeps the optimizer state") {
  const RunConfig config = makeRunConfig("rosenbrock", "adam:lr=0.01");
  const OptimizerConfig faster = parseOptimizerSpec("adam:lr=0.05,beta2=0.99");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 300, traces);
  REQUIRE(engine.setOptimizer(id, faster));
  playTo(engine, {id}, 600, traces);

  Run reference(config);
  std::vector<StepRecord> expected{recordOf(reference)};
  continueRecords(reference, 300, expected);
  reference.setOptimizerConfig(faster);
  continueRecords(reference, 300, expected);
  requireSame(recordsOf(*traces.find(id)), expected);

  const auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(id)->config->optimizer == faster);
  REQUIRE(snapshot->find(id)->generation == 0);  // no restart
  // The state continued: a fresh Adam with the new settings would be elsewhere by now.
  const auto restartedRun = referenceRecords(makeRunConfig("rosenbrock", faster.spec()), 300);
  REQUIRE_FALSE(testing::sameBits(expected[600].params, restartedRun[300].params));
}

TEST_CASE("changing the schedule mid-run takes effect from the next step") {
  const RunConfig config = makeRunConfig("himmelblau", "sgd:lr=0.01,momentum=0.5");
  const ScheduleConfig decay = parseScheduleSpec("exponential:gamma=0.99");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 100, traces);
  REQUIRE(engine.setSchedule(id, decay));
  playTo(engine, {id}, 250, traces);

  Run reference(config);
  std::vector<StepRecord> expected{recordOf(reference)};
  continueRecords(reference, 100, expected);
  reference.setScheduleConfig(decay);
  continueRecords(reference, 150, expected);
  requireSame(recordsOf(*traces.find(id)), expected);
  REQUIRE(engine.snapshot()->find(id)->lr == reference.optimizer().lr());
  REQUIRE(engine.snapshot()->find(id)->lr < 0.01);
}

TEST_CASE("a new start point restarts that run only") {
  const RunConfig config = makeRunConfig("rosenbrock", "adam:lr=0.02");
  Engine engine;
  RunTraces traces;
  const RunId moved = engine.addRun(config, RunOptions{0, true});
  const RunId other = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {moved, other}, 200, traces);
  const Eigen::Vector2d start(0.5, -0.5);
  REQUIRE(engine.setStart(moved, start));
  playTo(engine, {moved, other}, 300, traces);

  RunConfig movedConfig = config;
  movedConfig.start = start;
  requireSame(recordsOf(*traces.find(moved)), referenceRecords(movedConfig, 300));
  requireSame(recordsOf(*traces.find(other)), referenceRecords(config, 300));
  const auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(moved)->generation == 1);
  REQUIRE(snapshot->find(other)->generation == 0);
  REQUIRE(traces.generation(moved) == 1);
}

TEST_CASE("a new objective restarts every run, each keeping its optimizer") {
  Engine engine;
  RunTraces traces;
  const RunConfig adam = makeRunConfig("rosenbrock", "adam:lr=0.05");
  const RunConfig sgd = makeRunConfig("rosenbrock", "sgd:lr=0.001,momentum=0.9");
  const RunId a = engine.addRun(adam, RunOptions{0, true});
  const RunId b = engine.addRun(sgd, RunOptions{0, true});
  playTo(engine, {a, b}, 50, traces);
  const ObjectiveConfig himmelblau = parseObjectiveSpec("himmelblau");
  restartOnObjective(engine, himmelblau);
  playTo(engine, {a, b}, 80, traces);

  for (auto [id, config] : {std::pair{a, adam}, std::pair{b, sgd}}) {
    config = testing::onObjective(config, himmelblau);
    requireSame(recordsOf(*traces.find(id)), referenceRecords(config, 80));
    REQUIRE(engine.snapshot()->find(id)->config->optimizer == config.optimizer);
    REQUIRE(testing::planarOf(*engine.runConfig(id)).objectiveConfig() == himmelblau);
  }
  // A different dimension works too, from the new objective's default start or a given one.
  restartOnObjective(engine, parseObjectiveSpec("rosenbrock:dim=5"));
  playTo(engine, {a, b}, 3, traces);
  REQUIRE(engine.snapshot()->find(a)->params.size() == 5);
  REQUIRE_THROWS_AS(restartOnObjective(engine, himmelblau, Eigen::VectorXd::Zero(3)), SpecError);
  REQUIRE(testing::planarOf(*engine.runConfig(a)).objectiveConfig().spec() ==
          parseObjectiveSpec("rosenbrock:dim=5").spec());
}

TEST_CASE("another optimizer kind restarts the run with it") {
  const RunConfig config = makeRunConfig("himmelblau", "sgd:lr=0.01");
  Engine engine;
  RunTraces traces;
  const RunId id = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {id}, 40, traces);
  const OptimizerConfig rmsprop = parseOptimizerSpec("rmsprop:lr=0.01");
  REQUIRE(engine.setOptimizer(id, rmsprop));
  playTo(engine, {id}, 60, traces);
  RunConfig changed = config;
  changed.optimizer = rmsprop;
  requireSame(recordsOf(*traces.find(id)), referenceRecords(changed, 60));
  const RunSnapshot* run = engine.snapshot()->find(id);
  REQUIRE(run->generation == 1);
  REQUIRE(run->state.size() == 1);
  REQUIRE(run->state[0].name == "v");  // rmsprop's, where sgd had a momentum_buffer
}

TEST_CASE("reset one run or all of them") {
  const RunConfig config = makeRunConfig("rosenbrock", "adam:lr=0.05");
  Engine engine;
  RunTraces traces;
  const RunId a = engine.addRun(config, RunOptions{0, true});
  const RunId b = engine.addRun(config, RunOptions{0, true});
  playTo(engine, {a, b}, 30, traces);
  engine.pause();  // first, or the reset run would play on to its limit again
  REQUIRE(engine.reset(a));
  settle(engine, traces);
  auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->step == 0);
  REQUIRE(snapshot->find(b)->step == 30);
  REQUIRE(traces.find(a)->size() == 1);
  REQUIRE(traces.find(b)->size() == 31);
  engine.resetAll();
  settle(engine, traces);
  snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->step == 0);
  REQUIRE(snapshot->find(b)->step == 0);
  REQUIRE(snapshot->find(a)->generation == 2);
  REQUIRE(snapshot->find(b)->generation == 1);
  playTo(engine, {a, b}, 30, traces);
  requireSame(recordsOf(*traces.find(a)), referenceRecords(config, 30));
}

TEST_CASE("step N advances every run exactly N steps, then stays paused") {
  Engine engine;
  const RunId a = engine.addRun(makeRunConfig("rosenbrock", "adam"));
  const RunId b = engine.addRun(makeRunConfig("himmelblau", "sgd"));
  engine.step(5);
  REQUIRE(engine.waitUntilIdle(10s));
  auto snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->step == 5);
  REQUIRE(snapshot->find(b)->step == 5);
  REQUIRE_FALSE(snapshot->playing);
  engine.step(3);
  engine.step(1);
  REQUIRE(engine.waitUntilIdle(10s));
  snapshot = engine.snapshot();
  REQUIRE(snapshot->find(a)->step == 9);
  REQUIRE(snapshot->totalSteps == 18);
}

TEST_CASE("a diverging run stops at the step it diverged - the others go on") {
  const RunConfig exploding = makeRunConfig("rosenbrock", "sgd:lr=1");
  const RunConfig steady = makeRunConfig("rosenbrock", "adam:lr=0.01");
  const auto reference = referenceRecords(exploding, 1000);
  REQUIRE(reference.size() < 100);  // it does diverge, early
  const long long divergedAt = reference.back().step;

  Engine engine;
  RunTraces traces;
  const RunId bad = engine.addRun(exploding, RunOptions{1000, true});
  const RunId good = engine.addRun(steady, RunOptions{1000, true});
  engine.play();
  settle(engine, traces);
  const auto snapshot = engine.snapshot();
  const RunSnapshot* badRun = snapshot->find(bad);
  REQUIRE(badRun->diverged);
  REQUIRE(badRun->divergedAt == divergedAt);
  REQUIRE(badRun->step == divergedAt);
  REQUIRE_FALSE(badRun->finished);
  REQUIRE(snapshot->find(good)->step == 1000);
  REQUIRE(snapshot->find(good)->finished);
  REQUIRE_FALSE(snapshot->find(good)->diverged);
  REQUIRE(snapshot->find(good)->divergedAt == -1);
  requireSame(recordsOf(*traces.find(bad)), reference);
}

TEST_CASE("removed runs leave the snapshot - unknown ids change nothing") {
  Engine engine;
  const RunId a = engine.addRun(makeRunConfig("rosenbrock", "adam"));
  const RunId b = engine.addRun(makeRunConfig("himmelblau", "sgd"));
  REQUIRE(engine.removeRun(a));
  REQUIRE_FALSE(engine.removeRun(a));
  REQUIRE_FALSE(engine.reset(a));
  REQUIRE_FALSE(engine.setStart(a, Eigen::Vector2d(0, 0)));
  REQUIRE_FALSE(engine.setOptimizer(a, parseOptimizerSpec("sgd")));
  REQUIRE_FALSE(engine.setStepLimit(a, 3));
  REQUIRE(engine.runIds() == std::vector<RunId>{b});
  REQUIRE(engine.waitUntilIdle(10s));
  const auto snapshot = engine.snapshot();
  REQUIRE(snapshot->runs.size() == 1);
  REQUIRE(snapshot->runs[0].id == b);
  REQUIRE(engine.addRun(makeRunConfig("sphere", "sgd")) > b);  // ids are never reused
}

TEST_CASE("invalid changes throw in the caller's thread and change nothing") {
  Engine engine;
  const RunConfig config = makeRunConfig("rosenbrock", "adam");
  RunConfig wrongStart = config;
  wrongStart.start = Eigen::VectorXd::Zero(3);
  REQUIRE_THROWS_AS(engine.addRun(wrongStart), SpecError);
  REQUIRE(engine.runIds().empty());
  const RunId id = engine.addRun(config);
  REQUIRE_THROWS_AS(engine.setStart(id, Eigen::VectorXd::Zero(3)), SpecError);
  REQUIRE_THROWS_AS(engine.setStart(id, Eigen::Vector2d(std::nan(""), 0.0)), SpecError);
  REQUIRE_THROWS_AS(engine.setSpeed(0.5), SpecError);
  REQUIRE_THROWS_AS(engine.setSpeed(std::nan("")), SpecError);
  REQUIRE_THROWS_AS(engine.step(-1), SpecError);
  REQUIRE_THROWS_AS(engine.setStepLimit(id, -2), SpecError);
  REQUIRE(engine.runConfig(id)->start == config.start);
  REQUIRE(engine.waitUntilIdle(10s));
  const RunSnapshot* run = engine.snapshot()->find(id);
  REQUIRE(run->step == 0);
  REQUIRE(run->params == Eigen::Vector2d(-1.5, 2.0));
  REQUIRE(engine.snapshot()->lastError.empty());
}

TEST_CASE("a snapshot describes one step boundary of each run") {
  const RunConfig config =
      makeRunConfig("himmelblau", "adam:lr=0.02,amsgrad=true", "constant", std::nullopt, 0.1, 7);
  Engine engine;
  const RunId id = engine.addRun(config, RunOptions{25, false});
  engine.play();
  REQUIRE(engine.waitUntilIdle(10s));
  const RunSnapshot* run = engine.snapshot()->find(id);
  Run reference(config);
  for (int k = 0; k < 25; ++k) reference.advance();
  REQUIRE(run->step == 25);
  REQUIRE(testing::sameBits(run->params, reference.params()));
  REQUIRE(testing::sameBits(run->gradient, reference.gradient()));
  REQUIRE(testing::sameBits(run->effectiveLr, reference.effectiveLr()));
  REQUIRE(run->loss == reference.loss());
  REQUIRE(run->lr == reference.optimizer().lr());
  REQUIRE(run->lastLr == reference.lastLr());
  REQUIRE(run->effectiveLrTarget == reference.optimizer().effectiveLrTarget());
  const auto state = reference.optimizer().state();
  REQUIRE(run->state.size() == state.size());
  for (std::size_t i = 0; i < state.size(); ++i) {
    REQUIRE(run->state[i].name == state[i].name);
    REQUIRE(testing::sameBits(run->state[i].values, *state[i].values));
  }
  REQUIRE(run->finished);
  REQUIRE(engine.snapshot()->idle);
}

}  // namespace optiscope

#include <catch2/catch.hpp>
#include <thread>

#include "core/engine/engine.h"
#include "core/engine/run_traces.h"
#include "engine_test_support.h"

// Issue 3, item 5: the same configuration gives bit-identical sequences regardless of speed,
// batch size, pause and resume, and how many other runs exist. Each test compares every
// number of every step the engine handed over with a plain Run stepped in a loop.

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using testing::firstDifference;
using testing::recordsOf;
using testing::referenceRecords;
using testing::settle;

constexpr long long kSteps = 1500;

std::vector<RunConfig> configs() {
  return {
      makeRunConfig("rosenbrock", "adam:lr=0.05"),
      makeRunConfig("himmelblau", "sgd:lr=0.01,momentum=0.9,nesterov=true", "constant",
                    std::nullopt, 0.5, 42),
      makeRunConfig("rosenbrock:dim=10", "rmsprop:lr=0.001,centered=true", "cosine:t_max=500"),
      makeRunConfig("beale", "adagrad:lr=0.1", "step:step_size=100,gamma=0.5"),
  };
}

// Adds `config` at full resolution, lets `drive` run the engine, and checks the result.
template <class Drive>
void checkAgainstPlainRun(const RunConfig& config, EngineOptions options, Drive drive) {
  Engine engine(options);
  const RunId id = engine.addRun(config, RunOptions{kSteps, true});
  RunTraces traces;
  drive(engine, traces);
  settle(engine, traces);
  const Trace* trace = traces.find(id);
  REQUIRE(trace != nullptr);
  const auto actual = recordsOf(*trace);
  const auto expected = referenceRecords(config, kSteps);
  INFO(config.optimizer.spec() << " on " << config.problem->describe() << ": "
                               << firstDifference(actual, expected));
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    REQUIRE(testing::sameBits(actual[i], expected[i]));
}

}  // namespace

TEST_CASE("engine at unlimited speed reproduces a plain Run loop bit for bit") {
  for (const RunConfig& config : configs())
    checkAgainstPlainRun(config, {}, [](Engine& engine, RunTraces&) { engine.play(); });
}

TEST_CASE("engine at a limited speed reproduces a plain Run loop bit for bit") {
  const RunConfig config = configs()[1];
  checkAgainstPlainRun(config, {}, [](Engine& engine, RunTraces& traces) {
    engine.setSpeed(20'000.0);
    engine.play();
    // Hand-overs while it runs, each handed back for reuse: the consumer side must stitch
    // them exactly, and reused buffers must not leak old points into new deltas.
    std::vector<TraceDelta> deltas;
    for (int i = 0; i < 8; ++i) {
      std::this_thread::sleep_for(10ms);
      deltas = engine.takeTraceDeltas(std::move(deltas));
      traces.absorb(deltas);
    }
  });
}

TEST_CASE("engine reproduces a plain Run loop whatever the batch size") {
  const RunConfig config = configs()[0];
  for (auto budget : {1us, 50us, 100'000us}) {
    EngineOptions options;
    options.batchBudget = budget;
    checkAgainstPlainRun(config, options, [](Engine& engine, RunTraces&) { engine.play(); });
  }
}

TEST_CASE("engine reproduces a plain Run loop across pauses, resumes and single steps") {
  const RunConfig config = configs()[2];
  checkAgainstPlainRun(config, {}, [](Engine& engine, RunTraces& traces) {
    engine.setSpeed(50'000.0);
    for (int round = 0; round < 6; ++round) {
      engine.play();
      std::this_thread::sleep_for(3ms);
      engine.pause();
      engine.step(7);
      engine.step(1);
      traces.absorb(engine.takeTraceDeltas());
    }
    engine.play();
  });
}

TEST_CASE("a run's numbers do not depend on the other runs") {
  const std::vector<RunConfig> all = configs();
  Engine engine;
  std::vector<RunId> ids;
  for (const RunConfig& config : all)
    ids.push_back(engine.addRun(config, RunOptions{kSteps, true}));
  // Company that diverges, that stops early, that is removed half-way, and that never stops.
  engine.addRun(makeRunConfig("rosenbrock", "sgd:lr=1"), RunOptions{kSteps, true});
  engine.addRun(makeRunConfig("himmelblau", "adam"), RunOptions{10, false});
  const RunId removed = engine.addRun(makeRunConfig("sphere", "sgd"));
  engine.addRun(makeRunConfig("rastrigin", "lion:lr=0.001"), RunOptions{-1, false});
  engine.play();
  std::this_thread::sleep_for(2ms);
  engine.removeRun(removed);

  RunTraces traces;
  // The endless run keeps the engine busy: wait for ours to finish instead of for idleness.
  const auto finished = [&] {
    auto snapshot = engine.snapshot();
    for (RunId id : ids) {
      const RunSnapshot* run = snapshot->find(id);
      if (run == nullptr || !(run->finished || run->diverged)) return false;
    }
    return true;
  };
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!finished() && std::chrono::steady_clock::now() < deadline) {
    traces.absorb(engine.takeTraceDeltas());
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE(finished());
  engine.pause();
  settle(engine, traces);
  for (std::size_t r = 0; r < all.size(); ++r) {
    const auto actual = recordsOf(*traces.find(ids[r]));
    const auto expected = referenceRecords(all[r], kSteps);
    INFO(all[r].optimizer.spec() << ": " << firstDifference(actual, expected));
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
      REQUIRE(testing::sameBits(actual[i], expected[i]));
  }
}

TEST_CASE("thinned hand-overs keep exact points: first, last and every kept step") {
  const RunConfig config = configs()[0];
  EngineOptions options;
  options.deltaLimits = TraceLimits{32, 8};  // tiny, so that an untaken delta must thin
  Engine engine(options);
  const long long steps = 20'000;
  const RunId id = engine.addRun(config, RunOptions{steps, false});
  engine.play();
  REQUIRE(engine.waitUntilIdle(30s));
  auto deltas = engine.takeTraceDeltas();
  REQUIRE(deltas.size() == 1);
  REQUIRE(deltas[0].run == id);
  REQUIRE(deltas[0].restarted);
  const Trace& points = deltas[0].points;
  REQUIRE(points.size() < 1000);  // thinned: 20001 points were produced
  const auto expected = referenceRecords(config, steps);
  REQUIRE(points.front().step == 0);
  REQUIRE(points.back().step == steps);
  for (const auto& record : recordsOf(points))
    REQUIRE(testing::sameBits(record, expected[static_cast<std::size_t>(record.step)]));
}

}  // namespace optiscope

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "core/engine/engine.h"
#include "core/engine/problem_changes.h"
#include "core/engine/run_traces.h"
#include "core/util/spec_error.h"
#include "engine_test_support.h"

// Issue 3, item 8: two threads send random commands while the engine runs; a third polls and
// checks that every snapshot is consistent and that steps only go back on a restart.

namespace optiscope {
namespace {

using namespace std::chrono_literals;

constexpr int kCommandsPerThread = 6000;

const std::vector<std::string>& optimizerSpecs() {
  static const std::vector<std::string> specs = {"sgd:lr=0.001",    "sgd:lr=0.002,momentum=0.9",
                                                 "adam:lr=0.05",    "adam:lr=0.01,amsgrad=true",
                                                 "rmsprop:lr=0.01", "adagrad:lr=0.2",
                                                 "sgd:lr=5"};  // the last one diverges
  return specs;
}

const std::vector<std::string>& objectiveSpecs() {
  static const std::vector<std::string> specs = {"rosenbrock", "himmelblau", "rosenbrock:dim=4",
                                                 "beale"};
  return specs;
}

// Sends random commands to whatever runs exist at the moment (the other thread may remove
// them in between: the engine must then refuse calmly).
void sendCommands(Engine& engine, unsigned seed, std::atomic<int>& sent) {
  std::mt19937_64 random(seed);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(random);
  };
  for (int i = 0; i < kCommandsPerThread; ++i) {
    const std::vector<RunId> ids = engine.runIds();
    const RunId id = ids.empty() ? 0 : ids[pick(ids.size())];
    try {
      switch (pick(14)) {
        case 0:
          engine.play();
          break;
        case 1:
          engine.pause();
          break;
        case 2:
          engine.step(static_cast<long long>(pick(50)));
          break;
        case 3:
          engine.setSpeed(pick(3) == 0 ? Pacer::kUnlimited : uniform(1.0, 1e5));
          break;
        case 4:
          if (ids.size() < 10)
            engine.addRun(makeRunConfig(objectiveSpecs()[pick(objectiveSpecs().size())],
                                        optimizerSpecs()[pick(optimizerSpecs().size())], "constant",
                                        std::nullopt, pick(2) ? 0.0 : 0.3, random()));
          break;
        case 5:
          engine.removeRun(id);
          break;
        case 6:
          engine.reset(id);
          break;
        case 7:
          engine.resetAll();
          break;
        case 8:
          engine.setOptimizer(id,
                              parseOptimizerSpec(optimizerSpecs()[pick(optimizerSpecs().size())]));
          break;
        case 9:
          engine.setSchedule(
              id, parseScheduleSpec(pick(2) ? "constant" : "step:step_size=10,gamma=0.9"));
          break;
        case 10:
          if (auto config = engine.runConfig(id)) {
            Eigen::VectorXd start(config->problem->dimension());
            for (double& x : start) x = uniform(-2.0, 2.0);
            engine.setStart(id, start);
          }
          break;
        case 11:
          engine.setStepLimit(id, pick(3) == 0 ? -1 : static_cast<long long>(pick(5000)));
          break;
        case 12:
          if (pick(20) == 0)
            restartOnObjective(engine,
                               parseObjectiveSpec(objectiveSpecs()[pick(objectiveSpecs().size())]));
          break;
        default:
          engine.takeTraceDeltas();
          break;
      }
    } catch (const SpecError&) {
      // A start that does not fit an objective another thread just changed: refused, fine.
    }
    ++sent;
    // Bursts with short breaks: the commands then span many publications to check.
    if (i % 16 == 15) std::this_thread::sleep_for(1ms);
  }
}

bool sameOrBothNan(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

TEST_CASE("random commands from two threads keep every snapshot consistent") {
  Engine engine;
  engine.addRun(makeRunConfig("rosenbrock", "adam:lr=0.05"));
  engine.play();
  std::atomic<int> sent{0};
  std::thread first(sendCommands, std::ref(engine), 1u, std::ref(sent));
  std::thread second(sendCommands, std::ref(engine), 2u, std::ref(sent));

  struct Seen {
    long long generation = 0, step = 0;
  };
  std::map<RunId, Seen> seen;
  std::map<std::string, std::unique_ptr<Objective>> objectives;
  std::uint64_t lastSequence = 0;
  long long lastTotal = 0, snapshotsChecked = 0, runsChecked = 0, stepsSeen = 0;
  bool done = false;
  while (!done) {
    done = sent.load() == 2 * kCommandsPerThread;
    const auto snapshot = engine.snapshot();
    if (snapshot->sequence == lastSequence) {
      std::this_thread::sleep_for(1ms);
      continue;
    }
    ++snapshotsChecked;
    REQUIRE(snapshot->sequence > lastSequence);
    REQUIRE(snapshot->totalSteps >= lastTotal);
    REQUIRE(snapshot->lastError.empty());
    lastSequence = snapshot->sequence;
    lastTotal = snapshot->totalSteps;
    for (const RunSnapshot& run : snapshot->runs) {
      ++runsChecked;
      Seen& before = seen[run.id];
      REQUIRE(run.generation >= before.generation);
      if (run.generation == before.generation) REQUIRE(run.step >= before.step);
      stepsSeen += std::max(0LL, run.step - before.step);
      before = {run.generation, run.step};

      const ObjectiveConfig& config = testing::planarOf(*run.config).objectiveConfig();
      auto& objective = objectives[config.spec()];
      if (!objective) objective = makeObjective(config);
      REQUIRE(run.params.size() == objective->dim());
      REQUIRE(sameOrBothNan(run.loss, objective->value(run.params)));
      REQUIRE(run.diverged == (run.divergedAt >= 0));
    }
    engine.takeTraceDeltas();
  }
  first.join();
  second.join();
  engine.pause();
  REQUIRE(engine.waitUntilIdle(30s));
  INFO(snapshotsChecked << " snapshots, " << runsChecked << " run states, " << stepsSeen
                        << " steps");
  REQUIRE(snapshotsChecked > 10);
  REQUIRE(stepsSeen > 0);
  REQUIRE(engine.snapshot()->idle);
}

}  // namespace optiscope

#include <catch2/catch.hpp>
#include <ctime>
#include <thread>

#include "core/engine/engine.h"
#include "engine_test_support.h"

// Speed limits, sleeping, publication rate and non-blocking polls. Bounds are loose enough
// for a loaded 2-core machine under TSan, and each of them fails for the wrong design
// (a busy-waiting worker, a poll that waits for a batch, a snapshot per step).

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double processCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

TEST_CASE("a speed limit is kept without busy-waiting") {
  Engine engine;
  const RunId id = engine.addRun(makeRunConfig("rosenbrock", "adam"));
  engine.setSpeed(100.0);
  REQUIRE(engine.waitUntilIdle(10s));
  const double cpuBefore = processCpuSeconds();
  const auto start = Clock::now();
  engine.play();
  std::this_thread::sleep_for(600ms);
  const long long steps = engine.snapshot()->find(id)->step;
  const double elapsed = seconds(Clock::now() - start);
  const double cpu = processCpuSeconds() - cpuBefore;
  INFO("steps " << steps << " in " << elapsed << " s; cpu " << cpu << " s");
  // The pacer never runs ahead of its grid (+1: the first tick is immediate), and the
  // snapshot may lag a publication period behind it.
  REQUIRE(steps <= static_cast<long long>(100.0 * elapsed) + 1);
  REQUIRE(steps >= 25);
  REQUIRE(cpu < 0.25 * elapsed);
}

TEST_CASE("a paused engine sleeps") {
  Engine engine;
  for (int i = 0; i < 8; ++i) engine.addRun(makeRunConfig("rosenbrock", "adam"));
  engine.play();
  std::this_thread::sleep_for(50ms);
  engine.pause();
  REQUIRE(engine.waitUntilIdle(10s));
  const long long steps = engine.snapshot()->totalSteps;
  const double cpuBefore = processCpuSeconds();
  const auto start = Clock::now();
  std::this_thread::sleep_for(400ms);
  const double cpu = processCpuSeconds() - cpuBefore;
  INFO("cpu " << cpu << " s while paused");
  REQUIRE(cpu < 0.1 * seconds(Clock::now() - start));
  REQUIRE(engine.snapshot()->totalSteps == steps);
  REQUIRE(steps > 0);
}

TEST_CASE("snapshots are published at most 60 times a second") {
  Engine engine;
  engine.addRun(makeRunConfig("rosenbrock", "adam"));
  engine.play();
  std::this_thread::sleep_for(50ms);
  const auto first = engine.snapshot();
  const auto start = Clock::now();
  std::uint64_t seen = 0, last = first->sequence;
  while (Clock::now() - start < 500ms) {
    const auto snapshot = engine.snapshot();
    if (snapshot->sequence != last) ++seen;
    last = snapshot->sequence;
    std::this_thread::sleep_for(1ms);
  }
  const double elapsed = seconds(Clock::now() - start);
  const std::uint64_t published = last - first->sequence;
  INFO(published << " publications in " << elapsed << " s");
  REQUIRE(published <= static_cast<std::uint64_t>(60.0 * elapsed) + 2);
  REQUIRE(published >= 5);  // and it does publish while running
  REQUIRE(engine.snapshot()->find(1)->stepsPerSecond > 0.0);
}

TEST_CASE("polling never waits for a batch of steps") {
  EngineOptions options;
  options.batchBudget = 600ms;  // batches far longer than any acceptable poll
  Engine engine(options);
  for (int i = 0; i < 4; ++i) engine.addRun(makeRunConfig("rosenbrock:dim=50", "adam"));
  engine.play();
  std::this_thread::sleep_for(100ms);
  Clock::duration worst{};
  const auto start = Clock::now();
  while (Clock::now() - start < 1500ms) {
    const auto before = Clock::now();
    const auto snapshot = engine.snapshot();
    const auto deltas = engine.takeTraceDeltas();
    worst = std::max(worst, Clock::now() - before);
    std::this_thread::sleep_for(2ms);
  }
  INFO("worst poll " << seconds(worst) * 1e3 << " ms");
  REQUIRE(worst < 200ms);
  // Commands, though, end a batch early: pause takes effect at once.
  const auto pauseAt = Clock::now();
  engine.pause();
  REQUIRE(engine.waitUntilIdle(10s));
  INFO("pause took " << seconds(Clock::now() - pauseAt) * 1e3 << " ms");
  REQUIRE(Clock::now() - pauseAt < 400ms);
}

}  // namespace optiscope

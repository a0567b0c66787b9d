// Engine throughput (issue 3, item 9): 8 Adam runs on 2D Rosenbrock at unlimited speed,
// stepped by the engine's worker thread, against a bare loop calling Run::advance() on the
// same runs. The engine also records every step into its trace deltas and publishes
// snapshots; a consumer takes both at 60 Hz, as the GUI does, handing each batch of deltas
// back for reuse at the next take.
//
// Usage: bench_engine_throughput [seconds per phase, default 2] [rounds, default 3]
// Wall-clock figures suffer on a shared machine, so CPU-time figures (steps per CPU second
// of the stepping thread) are printed too; the ratio of those is the fairer comparison.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "core/engine/engine.h"

namespace {

using Clock = std::chrono::steady_clock;
using optiscope::Engine;
using optiscope::Run;
using optiscope::RunConfig;

constexpr int kRuns = 8;

double cpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

std::vector<RunConfig> adamRuns() {
  std::vector<RunConfig> configs;
  for (int i = 0; i < kRuns; ++i)
    configs.push_back(
        optiscope::makeRunConfig("rosenbrock", "adam:lr=" + std::to_string(0.001 * (i + 1))));
  return configs;
}

struct Rate {
  double perWallSecond;
  double perCpuSecond;
};

Rate bareLoop(const std::vector<RunConfig>& configs, double seconds) {
  std::vector<Run> runs(configs.begin(), configs.end());
  long long steps = 0;
  const auto start = Clock::now();
  const double cpuStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  const auto end = start + std::chrono::duration<double>(seconds);
  while (Clock::now() < end) {
    for (Run& run : runs)
      for (int k = 0; k < 1000; ++k) run.advance();
    steps += 1000LL * kRuns;
  }
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart;
  return {static_cast<double>(steps) / wall, static_cast<double>(steps) / cpu};
}

Rate engineLoop(const std::vector<RunConfig>& configs, double seconds) {
  Engine engine;
  for (const RunConfig& config : configs) engine.addRun(config);
  engine.play();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // past start-up

  const auto startSnapshot = engine.snapshot();
  const auto start = Clock::now();
  const double processStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const double pollerStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<optiscope::TraceDelta> deltas;
  while (Clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::microseconds(16667));
    engine.snapshot();
    // A GUI would draw these; handing them back lets the worker reuse their buffers.
    deltas = engine.takeTraceDeltas(std::move(deltas));
  }
  const auto endSnapshot = engine.snapshot();
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  // The worker's CPU time: the process's minus this polling thread's.
  const double cpu = (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - processStart) -
                     (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - pollerStart);
  const auto steps = static_cast<double>(endSnapshot->totalSteps - startSnapshot->totalSteps);
  return {steps / wall, steps / cpu};
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const auto configs = adamRuns();
  Rate bestBare{0, 0}, bestEngine{0, 0};
  for (int round = 1; round <= rounds; ++round) {
    const Rate bare = bareLoop(configs, seconds);
    const Rate engine = engineLoop(configs, seconds);
    std::printf(
        "round %d: bare loop %.3e steps/s (%.3e per CPU s), engine %.3e steps/s (%.3e per CPU s)\n",
        round, bare.perWallSecond, bare.perCpuSecond, engine.perWallSecond, engine.perCpuSecond);
    bestBare = {std::max(bestBare.perWallSecond, bare.perWallSecond),
                std::max(bestBare.perCpuSecond, bare.perCpuSecond)};
    bestEngine = {std::max(bestEngine.perWallSecond, engine.perWallSecond),
                  std::max(bestEngine.perCpuSecond, engine.perCpuSecond)};
  }
  std::printf("8 Adam runs on 2D Rosenbrock, best of %d rounds of %.1f s:\n", rounds, seconds);
  std::printf("  bare loop (Run::advance): %.3e steps/s wall, %.3e steps per CPU second\n",
              bestBare.perWallSecond, bestBare.perCpuSecond);
  std::printf("  engine (worker thread):   %.3e steps/s wall, %.3e steps per CPU second\n",
              bestEngine.perWallSecond, bestEngine.perCpuSecond);
  std::printf("  ratio engine/bare:        %.3f wall, %.3f CPU (target >= 0.8)\n",
              bestEngine.perWallSecond / bestBare.perWallSecond,
              bestEngine.perCpuSecond / bestBare.perCpuSecond);
  return 0;
}

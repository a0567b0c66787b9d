// The end-to-end figures: the engine racing on 2D Rosenbrock, a landscape grid, and a small
// network training.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_optimizer_figures.h"
#include "bench/bench_optimizer_timing.h"
#include "core/engine/engine.h"
#include "core/engine/network_problem.h"
#include "core/engine/run.h"
#include "core/landscape/grid.h"
#include "core/nn/dataset.h"

namespace optiscope::bench {

// One run at a time, so each figure is one optimizer's steps per second through the whole
// engine (worker thread, traces, snapshots), from play() until the step limit is reached.
// Learning rates small enough that no run diverges on Rosenbrock (a diverged run stops);
// reference_torch.py races with the same ones.
const std::vector<std::pair<std::string, std::string>> kRaceOptimizers = {
    {"sgd", "sgd:lr=0.0001,momentum=0.9"},
    {"adagrad", "adagrad:lr=0.01"},
    {"rmsprop", "rmsprop:lr=0.001"},
    {"adam", "adam:lr=0.001"},
};

void raceFigures(double seconds) {
  for (const auto& [name, spec] : kRaceOptimizers) {
    const RunConfig config = makeRunConfig("rosenbrock", spec);
    long long stepLimit = 100000;
    double best = 0.0;
    for (int sample = 0; sample < 3;) {
      Engine engine;
      engine.addRun(config, RunOptions{stepLimit, false});
      const double start = processCpuSeconds();
      engine.play();
      while (!engine.waitUntilIdle(std::chrono::milliseconds(1))) {
      }
      // The worker's and this waiting thread's CPU time together.
      const double elapsed = processCpuSeconds() - start;
      const auto snapshot = engine.snapshot();
      if (snapshot->totalSteps < stepLimit) {
        std::fprintf(stderr, "bench_optimizer: the %s race diverged\n", name.c_str());
        std::exit(1);
      }
      const double rate = static_cast<double>(snapshot->totalSteps) / elapsed;
      if (elapsed < seconds / 3.0) {
        stepLimit *= 2;
        continue;
      }
      best = std::max(best, rate);
      ++sample;
    }
    report("race " + name, best, "steps/s");
  }
}

void gridFigure() {
  const auto rosenbrock = makeObjective("rosenbrock");
  const GridSpec spec{-2.0, 2.0, -1.0, 3.0, 1000, 1000};
  const double seconds = bestSecondsPerRepetition(
      [&](long long repetitions) {
        for (long long r = 0; r < repetitions; ++r) {
          const Grid grid = evaluateGrid(*rosenbrock, spec);
          doNotOptimize(grid.values.data());
        }
      },
      5, 0.05);
  report("grid rosenbrock 1000x1000", seconds, "s");
}

// Issue 5's benchmark: a 2-8-8-1 tanh network on Playground's circle (500 points, half for
// training), batches of 10, Adam.
void networkFigure() {
  const Dataset data = generateDataset("circle", {500, 0.0, 0});
  auto split = std::make_shared<const DataSplit>(splitDataset(data, 0.5, 0));
  Run run({std::make_shared<const NetworkProblem>(split, NetworkSettings{}),
           parseOptimizerSpec("adam:lr=0.03"), parseScheduleSpec("constant"), std::nullopt});
  const double seconds = bestSecondsPerRepetition([&](long long repetitions) {
    for (long long r = 0; r < repetitions; ++r) run.advance();
    doNotOptimize(run.params().data());
  });
  report("network 2-8-8-1 adam", 1.0 / seconds, "steps/s");
}

}  // namespace optiscope::bench

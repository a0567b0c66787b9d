// Issue 15's start-point map figure: a 200x200 map of 1000 Adam steps (lr 0.01) on Rosenbrock
// over its view box, on 1 and on 2 threads, plus how fast a sweep stops. Prints bench/compare's
// `figure<TAB>value<TAB>unit` lines. Times are wall-clock (the map runs on several threads, so
// process CPU time would add theirs up), best of several samples, since the machine is shared.
//   bench_basins [grid [steps [samples [tile_cells]]]]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "bench/bench_optimizer_timing.h"
#include "core/analysis/basins.h"
#include "core/analysis/function_problem.h"
#include "core/analysis/sweep.h"

using namespace optiscope;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct MapTimes {
  double wall = 1e300, cpu = 1e300;  // best of the samples, each
};

// Wall-clock is the figure; process CPU time (all threads) beside it tells whether a second
// thread added work of its own or only waited for a core on a busy machine.
MapTimes bestMapSeconds(const Basins& basins, unsigned threads, int samples,
                        std::size_t tileCells) {
  ThreadPool pool(threads);
  MapTimes best;
  for (int s = 0; s < samples; ++s) {
    const auto start = Clock::now();
    const double cpuStart = bench::processCpuSeconds();
    const BasinsResult result = basins.run(pool, {}, {}, tileCells);
    best.cpu = std::min(best.cpu, bench::processCpuSeconds() - cpuStart);
    best.wall = std::min(best.wall, seconds(Clock::now() - start));
    bench::doNotOptimize(result.cells.data());
    if (!result.complete || !result.batched) {
      std::fprintf(stderr, "the map was not computed as one batch per tile\n");
      std::exit(1);
    }
  }
  return best;
}

// From the stop request to the return of a sweep of long runs, both threads busy.
double stopLatencySeconds() {
  const auto problem = std::make_shared<FunctionProblem>(parseObjectiveSpec("rosenbrock"),
                                                         std::nullopt, 0.1, 100'000'000);
  const Sweep sweep(SweepPlan{{parseOptimizerSpec("adam")}, {1e-4, 1e-3}, std::nullopt, 2},
                    problem);
  ThreadPool pool(2);
  std::stop_source source;
  std::thread worker([&] { sweep.run(pool, source.get_token()); });
  // The runs take seconds; by then both threads are well inside one.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto stopAt = Clock::now();
  source.request_stop();
  worker.join();
  return seconds(Clock::now() - stopAt);
}

}  // namespace

int main(int argc, char** argv) {
  const int grid = argc > 1 ? std::atoi(argv[1]) : 200;
  const long long steps = argc > 2 ? std::atoll(argv[2]) : 1000;
  const int samples = argc > 3 ? std::atoi(argv[3]) : 5;
  const std::size_t tileCells = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 2048;
  BasinsPlan plan;
  plan.objective = parseObjectiveSpec("rosenbrock");
  plan.optimizer = parseOptimizerSpec("adam:lr=0.01");
  plan.grid = grid;
  plan.steps = steps;
  const Basins basins(plan);
  const std::string name =
      "basins rosenbrock " + std::to_string(grid) + "x" + std::to_string(grid) + " adam";
  for (unsigned threads : {1u, 2u}) {
    const MapTimes times = bestMapSeconds(basins, threads, samples, tileCells);
    bench::report(name + " threads=" + std::to_string(threads), times.wall, "s");
    bench::report(name + " threads=" + std::to_string(threads) + " cpu", times.cpu, "s");
  }
  bench::report("sweep stop latency", stopLatencySeconds(), "s");
  return 0;
}

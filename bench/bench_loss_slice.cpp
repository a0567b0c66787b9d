// Network loss slice (issue 5, item 6): how long a 41 x 41 slice of the training loss takes on
// one thread for Playground's default network (2-8-8-1 tanh) on 500 circle points with the
// CLI's default train ratio 0.5 (250 training points, so 1681 whole-set evaluations).
//
// Usage: bench_loss_slice [repetitions, default 15]
// Prints "loss_slice_41x41_ms <median>" (picked up by bench/compare) and a summary line.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/nn/loss_slice.h"
#include "core/nn/network_task.h"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace optiscope;
  const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
  auto data = std::make_shared<const DataSplit>(
      splitDataset(generateDataset("circle", {500, 0.0, 1}), 0.5, 1));
  NetworkSettings settings;  // x1, x2 -> 8 tanh -> 8 tanh -> 1, bce
  settings.seed = 1;
  NetworkTask task(data, settings);
  const SlicePlane plane = makeSlicePlane(task.mlp().layers(), task.initialParameters(),
                                          sliceDirectionSeed(settings.seed));
  const GridSpec spec = sliceGridSpec(1.0, 41);

  std::vector<double> times;
  double checksum = 0.0;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = Clock::now();
    const std::optional<Grid> grid = evaluateSlice(task, plane, spec);
    times.push_back(milliseconds(Clock::now() - start));
    checksum += grid->at(20, 20);
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  std::printf("loss_slice_41x41_ms %.3f\n", median);
  std::printf(
      "loss slice 41x41, 2-8-8-1 tanh, %lld training points, %d repetitions: min %.3f ms, "
      "median %.3f ms (center loss %.6f)\n",
      static_cast<long long>(task.data().train.size()), repetitions, times.front(), median,
      checksum / repetitions);
  return 0;
}

// Path thinning (issue 4, item 2): how long thinPath takes on a 10^6-point path, the
// trajectory of a long run, for a plot of 800 x 600 pixels. Target: < 10 ms.
//
// Usage: bench_path_thinning [repetitions, default 30]
// Prints the minimum and median wall time over the repetitions and how many points were kept.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/landscape/path_thinning.h"

namespace {

using Clock = std::chrono::steady_clock;

// Rosenbrock-like: a fast descent into a curved valley, then a slow crawl along it with a
// small oscillation across it, as momentum methods produce.
std::vector<Eigen::Vector2d> longPath(std::size_t count) {
  std::vector<Eigen::Vector2d> path;
  path.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(count);
    const double x = -1.5 + 2.5 * std::sqrt(t);
    const double wobble = 0.05 * std::exp(-8.0 * t) * std::sin(0.01 * static_cast<double>(i));
    path.emplace_back(x, x * x + wobble);
  }
  return path;
}

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
  constexpr std::size_t kPoints = 1'000'000;
  const std::vector<Eigen::Vector2d> path = longPath(kPoints);
  // [-2, 2] x [-1, 3] shown on 800 x 600 pixels.
  const optiscope::PixelTransform toPixels{200.0, 400.0, -150.0, 450.0};

  std::vector<std::size_t> kept;
  kept.reserve(kPoints);
  std::vector<double> times;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = Clock::now();
    optiscope::thinPath(path, toPixels, {}, kept);
    times.push_back(milliseconds(Clock::now() - start));
  }
  std::sort(times.begin(), times.end());
  std::printf("thinPath, %zu points -> %zu kept, %d repetitions: min %.2f ms, median %.2f ms\n",
              kPoints, kept.size(), repetitions, times.front(), times[times.size() / 2]);
  return 0;
}

#pragma once

// Timing helpers shared by the bench_optimizer figures. The machine is shared (2 cores, often
// several busy builds), so wall-clock time mostly measures the neighbours: every figure is
// process CPU time, and the best of several samples. The torch/numpy references are measured
// the same way (time.process_time), so the ratios compare like with like.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace optiscope::bench {

inline double processCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Runs `body(repetitions)` until a sample lasts at least `minSampleSeconds`, then keeps the
// best per-repetition time over `samples` samples. Returns seconds per repetition.
template <class Body>
double bestSecondsPerRepetition(Body&& body, int samples = 7, double minSampleSeconds = 0.02) {
  long long repetitions = 1;
  double best = 1e300;
  for (int s = 0; s < samples;) {
    const double start = processCpuSeconds();
    body(repetitions);
    const double seconds = processCpuSeconds() - start;
    if (seconds < minSampleSeconds) {
      repetitions *= 2;
      continue;
    }
    best = std::min(best, seconds / static_cast<double>(repetitions));
    ++s;
  }
  return best;
}

// One machine-readable line per figure, read by bench/compare: `figure<TAB>value<TAB>unit`.
inline void report(const std::string& figure, double value, const char* unit) {
  std::printf("%s\t%.6g\t%s\n", figure.c_str(), value, unit);
  std::fflush(stdout);
}

// Keeps the optimizer from proving a result unused.
inline void doNotOptimize(const void* pointer) { asm volatile("" : : "g"(pointer) : "memory"); }

}  // namespace optiscope::bench

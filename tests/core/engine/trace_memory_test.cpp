#include <catch2/catch.hpp>
#include <cmath>

#include "core/engine/engine_types.h"
#include "core/engine/trace.h"

// The bound of issue 3: 8 runs of 10^8 steps keep their traces in under 64 MB. A trace's
// memory depends only on how many points it was given, its dimension and its limits, so
// one trace of 10^8 2D points, times 8, is the figure for 8 runs. The engine's delta
// buffers are added on top at their worst: four per run (the one being filled, the one
// waiting to be taken, and two sets handed back for reuse), each thinned to its bound.

namespace optiscope {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// Sanitizers slow every memory access ~10x: measure to 10^7 and extrapolate with the growth
// law checked below. The normal build measures 10^8 directly.
constexpr long long kMeasuredSteps = 10'000'000;
#else
constexpr long long kMeasuredSteps = 100'000'000;
#endif
constexpr long long kClaimedSteps = 100'000'000;
constexpr std::size_t kRuns = 8;
constexpr std::size_t kDeltasPerRun = 4;

}  // namespace

TEST_CASE("8 runs of 10^8 steps keep their traces in under 64 MB") {
  Trace trace(2);                               // the default limits, as a GUI keeps its paths
  Trace delta(2, EngineOptions{}.deltaLimits);  // an engine's delta that nobody takes
  Eigen::VectorXd params(2), gradient(2), eta(2);
  gradient << 0.5, -0.5;
  eta << 1e-3, 1e-3;
  std::size_t peak = 0;
  std::vector<std::size_t> perDecade;  // bytes (trace + deltas) at 10^5, 10^6, ...
  long long nextDecade = 100'000;
  for (long long k = 0; k < kMeasuredSteps; ++k) {
    params[0] = static_cast<double>(k);
    params[1] = -static_cast<double>(k);
    trace.append(k, 1.0, params, gradient, eta);
    delta.append(k, 1.0, params, gradient, eta);
    if ((k & 0xFFFF) == 0 || k + 1 == nextDecade) {
      const std::size_t bytes = trace.memoryBytes() + kDeltasPerRun * delta.memoryBytes();
      peak = std::max(peak, bytes);
      if (k + 1 == nextDecade) {
        perDecade.push_back(bytes);
        nextDecade *= 10;
      }
    }
  }
  REQUIRE(trace.front().step == 0);
  REQUIRE(trace.front().params[0] == 0.0);
  REQUIRE(trace.back().step == kMeasuredSteps - 1);
  REQUIRE(trace.back().params[0] == static_cast<double>(kMeasuredSteps - 1));
  REQUIRE(delta.back().step == kMeasuredSteps - 1);

  // Growth law: ten times more steps add at most ceil(log2 10) = 4 levels to each buffer.
  const std::size_t width = (2 + 3 * 2) * sizeof(double);
  const std::size_t fourLevels =
      4 * 2 * width *
      (TraceLimits{}.perLevel + kDeltasPerRun * EngineOptions{}.deltaLimits.perLevel);
  for (std::size_t i = 1; i < perDecade.size(); ++i)
    REQUIRE(perDecade[i] <= perDecade[i - 1] + fourLevels);
  std::size_t bound = peak;
  for (long long steps = kMeasuredSteps; steps < kClaimedSteps; steps *= 10) bound += fourLevels;

  WARN("per run after " << kMeasuredSteps << " steps: " << trace.size() << " points, " << peak
                        << " B with its deltas; bound for " << kClaimedSteps << " steps " << bound
                        << " B; 8 runs: " << kRuns * bound << " B");
  REQUIRE(kRuns * bound < 64u * 1024 * 1024);
}

}  // namespace optiscope

#pragma once

#include <cstddef>
#include <vector>

#include "core/analysis/seed_statistics.h"
#include "core/analysis/sweep.h"

namespace optiscope {

// Which number of a run a sweep curve shows.
enum class SweepMetric {
  FinalLoss,         // the loss at the end (a diverged run: +inf)
  BestLoss,          // the lowest loss on the way
  StepsToTolerance,  // steps until the loss came within kLossTolerance of the minimum (never: +inf)
};

double metricValue(const RunSummary& summary, SweepMetric metric);

// One learning rate of one curve (one optimizer, one second-axis value): the metric over the
// seeds that finished.
struct SweepCurvePoint {
  double lr = 0.0;
  SeedStatistics stats;
  int diverged = 0;  // seeds whose run diverged
  int reached = 0;   // seeds whose run reached the tolerance
};

// The curve of optimizer `optimizer` at second-axis index `secondIndex` (0 without a second
// axis), in lr order; learning rates with no finished run (a stopped sweep) are left out.
std::vector<SweepCurvePoint> sweepCurve(const Sweep& sweep, const SweepResult& result,
                                        std::size_t optimizer, std::size_t secondIndex,
                                        SweepMetric metric);

// What makes a learning rate "good".
struct WindowCriterion {
  enum class Kind {
    // The median final loss above the problem's reference value (f − f*) is at most `factor`
    // times the best median of the curve (or within kLossTolerance, which covers a best of 0).
    WithinFactorOfBest,
    // Every seed's run reached the tolerance.
    ReachesTolerance,
  };
  Kind kind = Kind::WithinFactorOfBest;
  double factor = 10.0;
};

// The "good learning-rate window" of one curve: the contiguous run of good learning rates
// around the best one, its ends, and its width in decades (log10(high/low); 0 when one lr
// alone is good). `found` is false when no learning rate is good (or none finished).
struct LrWindow {
  bool found = false;
  double low = 0.0, high = 0.0, decades = 0.0;
  double bestLr = 0.0;
  double bestMedian = 0.0;  // the best median final loss above the reference value
  int goodCount = 0;        // good learning rates anywhere on the curve, not only the window
};

LrWindow goodLrWindow(const Sweep& sweep, const SweepResult& result, std::size_t optimizer,
                      std::size_t secondIndex, WindowCriterion criterion);

}  // namespace optiscope

#pragma once

#include <cmath>
#include <limits>

namespace optiscope {

// How close to the global minimum value a loss must come to count as "reached": the tolerance
// of `optiscope-cli race`'s steps_to_tolerance column, shared by every analysis tool.
inline constexpr double kLossTolerance = 1e-6;

// What a run's rows add up to, exactly as race's summary.csv computes it from the rows that
// `run` prints (row 0 = the start, the last row the end or the first non-finite one):
//  - finalLoss: the loss of the last row (non-finite for a diverged run);
//  - bestLoss: the smallest loss of any row (+inf if none was below +inf);
//  - stepsToTolerance: the first row with |loss - minimumValue| <= kLossTolerance, or -1
//    (always -1 for a function without a known minimum: its minimumValue is NaN);
//  - divergedAt: the step of the first non-finite row, or -1.
struct RunSummary {
  double finalLoss = std::numeric_limits<double>::quiet_NaN();
  double bestLoss = std::numeric_limits<double>::infinity();
  long long stepsToTolerance = -1;
  long long divergedAt = -1;

  // Adds one row (rows come in step order, each exactly once).
  void observe(long long step, double loss, double minimumValue) {
    finalLoss = loss;
    if (loss < bestLoss) bestLoss = loss;
    if (stepsToTolerance < 0 && std::abs(loss - minimumValue) <= kLossTolerance)
      stepsToTolerance = step;
  }
};

}  // namespace optiscope

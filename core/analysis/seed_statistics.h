#pragma once

#include <vector>

namespace optiscope {

// The spread of one quantity over seeds (or over runs): what a sweep curve draws as its
// median with min–max and quantile bands. Non-finite samples (a diverged run's NaN loss) count
// as +inf: worse than any finite value, so a band that contains them is unbounded above.
struct SeedStatistics {
  double min = 0.0, q10 = 0.0, q25 = 0.0, median = 0.0, q75 = 0.0, q90 = 0.0, max = 0.0;
  int count = 0;
};

// Throws std::invalid_argument for no samples. Quantiles interpolate linearly between order
// statistics (numpy's default): q at position q·(count-1) of the sorted samples.
SeedStatistics seedStatistics(std::vector<double> samples);

// One quantile of samples sorted ascending (q in [0, 1]); an interpolation that touches an
// infinite sample gives that infinity. Throws std::invalid_argument for an empty vector or q
// outside [0, 1].
double sortedQuantile(const std::vector<double>& sorted, double q);

}  // namespace optiscope

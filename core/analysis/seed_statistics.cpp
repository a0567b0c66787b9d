#include "core/analysis/seed_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace optiscope {

double sortedQuantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) throw std::invalid_argument("a quantile of no samples");
  if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("a quantile outside [0, 1]");
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const double fraction = position - static_cast<double>(below);
  if (fraction == 0.0 || below + 1 >= sorted.size()) return sorted[below];
  const double a = sorted[below], b = sorted[below + 1];
  // inf - inf would make NaN of a band that is simply unbounded.
  if (std::isinf(b)) return b;
  if (std::isinf(a)) return a;
  return a + fraction * (b - a);
}

SeedStatistics seedStatistics(std::vector<double> samples) {
  if (samples.empty()) throw std::invalid_argument("statistics of no samples");
  for (double& s : samples)
    if (!std::isfinite(s) && !(s < 0.0)) s = std::numeric_limits<double>::infinity();
  std::sort(samples.begin(), samples.end());
  SeedStatistics s;
  s.count = static_cast<int>(samples.size());
  s.min = samples.front();
  s.max = samples.back();
  s.q10 = sortedQuantile(samples, 0.10);
  s.q25 = sortedQuantile(samples, 0.25);
  s.median = sortedQuantile(samples, 0.50);
  s.q75 = sortedQuantile(samples, 0.75);
  s.q90 = sortedQuantile(samples, 0.90);
  return s;
}

}  // namespace optiscope

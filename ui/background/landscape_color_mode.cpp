#include "ui/background/landscape_color_mode.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace optiscope::ui {

bool spansDecades(const Grid& grid, double floor) {
  const double top = grid.max - floor;
  if (!std::isfinite(floor) || !(top > 0.0)) return false;
  std::vector<double> heights;
  heights.reserve(grid.values.size());
  for (double f : grid.values)
    if (std::isfinite(f)) heights.push_back(std::max(f - floor, 0.0));
  if (heights.empty()) return false;
  const auto quantile =
      heights.begin() + static_cast<std::ptrdiff_t>(kCrowdedFraction * (heights.size() - 1));
  std::nth_element(heights.begin(), quantile, heights.end());
  return *quantile * kCrowdedShare < top;
}

}  // namespace optiscope::ui

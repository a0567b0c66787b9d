#include "core/landscape/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace optiscope {

bool GridSpec::isValid() const {
  return nx >= 2 && ny >= 2 && std::isfinite(xMin) && std::isfinite(xMax) && std::isfinite(yMin) &&
         std::isfinite(yMax) && xMin < xMax && yMin < yMax;
}

Grid evaluateGrid(const Objective& objective, const GridSpec& spec,
                  const std::atomic<bool>* cancel) {
  if (!spec.isValid()) {
    throw std::invalid_argument("landscape grid needs nx, ny >= 2 and a finite, non-empty box");
  }
  if (objective.dim() != 2) {
    throw std::invalid_argument("landscape grid needs a 2D function, '" +
                                std::string(objective.name()) + "' has dimension " +
                                std::to_string(objective.dim()));
  }
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Grid grid{spec, std::vector<double>(static_cast<std::size_t>(spec.nx) * spec.ny, kNaN), kNaN,
            kNaN};
  double lowest = std::numeric_limits<double>::infinity();
  double highest = -lowest;
  // One point reused for every evaluation: value() takes an Eigen::Ref, so nothing is
  // allocated per point.
  Eigen::Vector2d point;
  for (int j = 0; j < spec.ny; ++j) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) break;
    point[1] = spec.y(j);
    double* row = grid.values.data() + static_cast<std::size_t>(j) * spec.nx;
    for (int i = 0; i < spec.nx; ++i) {
      point[0] = spec.x(i);
      const double v = objective.value(point);
      if (!std::isfinite(v)) continue;
      row[i] = v;
      lowest = std::min(lowest, v);
      highest = std::max(highest, v);
    }
  }
  if (lowest <= highest) {
    grid.min = lowest;
    grid.max = highest;
  }
  return grid;
}

}  // namespace optiscope

// The grid evaluates one row per Objective::values call; for every 2D function of the catalog
// the result must still be value() at x_i = spec.x(i), y_j = spec.y(j), bit for bit, with
// non-finite values as NaN and min/max over the finite ones.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/landscape/grid.h"
#include "core/objectives/objective.h"

using namespace optiscope;

TEST_CASE("the grid of every 2D catalog function is value() at its points, bit for bit") {
  int functions = 0;
  for (const ObjectiveInfo& info : objectiveCatalog()) {
    const auto objective = makeObjective(info.name);
    if (objective->dim() != 2) continue;
    ++functions;
    INFO(info.name);
    // The view box widened 40-fold: far out, several functions overflow to inf (or NaN).
    const Box box = objective->viewBox();
    const double cx = 0.5 * (box.lower[0] + box.upper[0]), wx = box.upper[0] - box.lower[0];
    const double cy = 0.5 * (box.lower[1] + box.upper[1]), wy = box.upper[1] - box.lower[1];
    for (const double zoom : {1.0, 40.0, 1e80}) {
      INFO("zoom " << zoom);
      const GridSpec spec{cx - zoom * wx, cx + zoom * wx, cy - zoom * wy, cy + zoom * wy, 37, 23};
      const Grid grid = evaluateGrid(*objective, spec);
      double lowest = std::numeric_limits<double>::infinity(), highest = -lowest;
      int mismatches = 0;
      for (int j = 0; j < spec.ny; ++j) {
        for (int i = 0; i < spec.nx; ++i) {
          const double v = objective->value(Eigen::Vector2d(spec.x(i), spec.y(j)));
          if (!std::isfinite(v)) {
            mismatches += std::isnan(grid.at(i, j)) ? 0 : 1;
            continue;
          }
          mismatches +=
              std::bit_cast<std::uint64_t>(grid.at(i, j)) == std::bit_cast<std::uint64_t>(v) ? 0
                                                                                             : 1;
          lowest = std::min(lowest, v);
          highest = std::max(highest, v);
        }
      }
      CHECK(mismatches == 0);
      if (lowest <= highest) {
        CHECK(grid.min == lowest);
        CHECK(grid.max == highest);
      } else {
        CHECK(std::isnan(grid.min));
        CHECK(std::isnan(grid.max));
      }
    }
  }
  CHECK(functions == 17);
}

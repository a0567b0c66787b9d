#include "core/landscape/landscape_result.h"

#include <atomic>
#include <catch2/catch.hpp>

#include "core/objectives/rosenbrock.h"
#include "polyline_checks.h"
#include "test_functions.h"

using namespace optiscope;
using namespace optiscope::testing;

TEST_CASE("computeLandscape bundles the grid, the log scale and one line set per level") {
  const Rosenbrock rosenbrock;
  const GridSpec spec{-2.0, 2.0, -1.0, 3.0, 120, 100};
  const std::unique_ptr<LandscapeResult> result =
      computeLandscape(rosenbrock, spec, 15, LevelSpacing::kLogarithmic);
  REQUIRE(result);

  const Grid grid = evaluateGrid(rosenbrock, spec);
  CHECK(result->grid.values == grid.values);
  CHECK(result->floor == 0.0);  // Rosenbrock's known minimum, below every grid value
  CHECK(result->logOffset == logOffset(grid, 0.0));

  const std::vector<double> levels = logLevels(grid, 0.0, 15);
  REQUIRE(result->contours.size() == levels.size());
  for (std::size_t k = 0; k < levels.size(); ++k) {
    INFO("level " << levels[k]);
    CHECK(result->contours[k].level == levels[k]);
    CHECK_FALSE(result->contours[k].lines.empty());
    CHECK(distinctPointCount(result->contours[k].lines) == crossedEdgeCount(grid, levels[k]));
    checkOpenEndsAreTerminal(grid, result->contours[k].lines);
  }
}

TEST_CASE("computeLandscape returns nothing once cancelled") {
  std::atomic<bool> cancel{true};
  CHECK_FALSE(computeLandscape(FormulaFunction(bowl), {-1.0, 1.0, -1.0, 1.0, 10, 10}, 5,
                               LevelSpacing::kLinear, &cancel));
}

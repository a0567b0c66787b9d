#include "core/landscape/grid.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/objectives/rosenbrock.h"
#include "test_functions.h"

using optiscope::evaluateGrid;
using optiscope::Grid;
using optiscope::GridSpec;
using optiscope::testing::FormulaFunction;

namespace {

double tilted(double x, double y) { return 3.0 * x - 2.0 * y * y + x * y; }

}  // namespace

TEST_CASE("grid values are f at the cell corners x_i = xMin + i·dx, row-major by y") {
  const GridSpec spec{-1.5, 2.5, -1.0, 0.5, 9, 7};
  const Grid grid = evaluateGrid(FormulaFunction(tilted), spec);

  REQUIRE(grid.values.size() == 9u * 7u);
  const double dx = (2.5 - (-1.5)) / 8.0;
  const double dy = (0.5 - (-1.0)) / 6.0;
  double lowest = std::numeric_limits<double>::infinity();
  double highest = -lowest;
  for (int j = 0; j < 7; ++j) {
    for (int i = 0; i < 9; ++i) {
      const double expected = tilted(-1.5 + i * dx, -1.0 + j * dy);
      CHECK(grid.values[j * 9 + i] == expected);
      CHECK(grid.at(i, j) == expected);
      lowest = std::min(lowest, expected);
      highest = std::max(highest, expected);
    }
  }
  CHECK(grid.min == lowest);
  CHECK(grid.max == highest);
  // Corners, not centres: the outermost samples sit on the box edges.
  CHECK(spec.x(0) == -1.5);
  CHECK(spec.x(8) == Approx(2.5).margin(1e-15));
  CHECK(spec.y(6) == Approx(0.5).margin(1e-15));
}

TEST_CASE("a real objective evaluates through the same coordinates") {
  const GridSpec spec{-2.0, 2.0, -1.0, 3.0, 21, 11};
  const Grid grid = evaluateGrid(optiscope::Rosenbrock(), spec);
  for (int j = 0; j < spec.ny; ++j) {
    for (int i = 0; i < spec.nx; ++i) {
      const double x = spec.x(i), y = spec.y(j);
      CHECK(grid.at(i, j) == (1.0 - x) * (1.0 - x) + 100.0 * ((y - x * x) * (y - x * x)));
    }
  }
}

TEST_CASE("non-finite values become NaN and are left out of min and max") {
  const FormulaFunction wild([](double x, double y) {
    if (x > 0.25) return std::numeric_limits<double>::infinity();
    if (y > 0.5) return std::numeric_limits<double>::quiet_NaN();
    return x + y;
  });
  const GridSpec spec{-1.0, 1.0, -1.0, 1.0, 9, 9};
  const Grid grid = evaluateGrid(wild, spec);
  int nanCount = 0;
  for (int j = 0; j < spec.ny; ++j) {
    for (int i = 0; i < spec.nx; ++i) {
      const bool defined = spec.x(i) <= 0.25 && spec.y(j) <= 0.5;
      CHECK(std::isnan(grid.at(i, j)) == !defined);
      nanCount += defined ? 0 : 1;
    }
  }
  CHECK(nanCount > 0);
  CHECK(grid.min == -2.0);
  CHECK(grid.max == Approx(0.75));
}

TEST_CASE("a grid with no finite value has NaN min and max") {
  const FormulaFunction undefined([](double, double) { return std::nan(""); });
  const Grid grid = evaluateGrid(undefined, {0.0, 1.0, 0.0, 1.0, 3, 3});
  CHECK(std::isnan(grid.min));
  CHECK(std::isnan(grid.max));
}

TEST_CASE("cancel is polled once per row and stops the evaluation") {
  const int nx = 10, ny = 8;
  std::atomic<bool> cancel{false};
  int evaluations = 0;
  // Raises the flag in the middle of row 2: that row is finished, row 3 never starts.
  const FormulaFunction cancelling([&](double x, double y) {
    if (++evaluations == 25) cancel = true;
    return x - y;
  });
  const Grid grid = evaluateGrid(cancelling, {0.0, 1.0, 0.0, 1.0, nx, ny}, &cancel);
  CHECK(evaluations == 3 * nx);
  for (int j = 0; j < ny; ++j) CHECK(std::isnan(grid.at(0, j)) == (j >= 3));

  evaluations = 0;
  cancel = true;
  evaluateGrid(cancelling, {0.0, 1.0, 0.0, 1.0, nx, ny}, &cancel);
  CHECK(evaluations == 0);
}

TEST_CASE("invalid grids and non-2D objectives are rejected") {
  const FormulaFunction plane([](double x, double y) { return x + y; });
  CHECK_THROWS_AS(evaluateGrid(plane, {0.0, 1.0, 0.0, 1.0, 1, 5}), std::invalid_argument);
  CHECK_THROWS_AS(evaluateGrid(plane, {1.0, 1.0, 0.0, 1.0, 5, 5}), std::invalid_argument);
  CHECK_THROWS_AS(evaluateGrid(plane, {0.0, std::nan(""), 0.0, 1.0, 5, 5}), std::invalid_argument);
  CHECK_THROWS_AS(evaluateGrid(optiscope::Rosenbrock(3), {0.0, 1.0, 0.0, 1.0, 5, 5}),
                  std::invalid_argument);
}

#include "core/landscape/contour_levels.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "test_functions.h"

using namespace optiscope;
using optiscope::testing::bowl;
using optiscope::testing::FormulaFunction;

namespace {

// The properties every level set must have, whatever the spacing.
void checkInsideAndIncreasing(const std::vector<double>& levels, const Grid& grid) {
  for (std::size_t k = 0; k < levels.size(); ++k) {
    CHECK(levels[k] > grid.min);
    CHECK(levels[k] < grid.max);
    if (k > 0) CHECK(levels[k] > levels[k - 1]);
  }
}

// Heights above the floor in constant ratio; returns that ratio.
double checkConstantRatio(const std::vector<double>& levels, double floor) {
  REQUIRE(levels.size() >= 3);
  const double ratio = (levels[1] - floor) / (levels[0] - floor);
  CHECK(ratio > 1.0);
  for (std::size_t k = 1; k + 1 < levels.size(); ++k) {
    CHECK((levels[k + 1] - floor) / (levels[k] - floor) == Approx(ratio).epsilon(1e-9));
  }
  return ratio;
}

}  // namespace

TEST_CASE("log levels of a bowl are geometric in f − min and span the view") {
  const Grid grid = evaluateGrid(FormulaFunction(bowl, 0.0), {-2.0, 2.0, -2.0, 2.0, 41, 41});
  const double floor = levelFloor(0.0, grid);
  CHECK(floor == 0.0);
  const std::vector<double> levels = logLevels(grid, floor, 15);
  REQUIRE(levels.size() == 15);
  checkInsideAndIncreasing(levels, grid);
  const double ratio = checkConstantRatio(levels, floor);
  // One more step of the ratio above the last level reaches the grid maximum, one below the
  // first reaches the offset floor: the levels cover the whole height of the view.
  CHECK(levels.back() * ratio == Approx(grid.max).epsilon(1e-9));
  CHECK(levels.front() / ratio == Approx(kLogOffsetFraction * grid.max).epsilon(1e-9));
  // Five decades over 16 steps.
  CHECK(std::log10(ratio) * 16 == Approx(5.0).epsilon(1e-9));
}

TEST_CASE("log levels work below zero, and a rounded published minimum never lifts the floor") {
  // The true minimum is -78.33233 at the origin; the "published" value -78.332 lies above it,
  // as Styblinski-Tang's rounded literature value does.
  const double trueMinimum = -78.33233;
  const FormulaFunction deep([=](double x, double y) { return bowl(x, y) + trueMinimum; }, -78.332);
  const Grid grid = evaluateGrid(deep, {-5.0, 5.0, -5.0, 5.0, 51, 51});
  REQUIRE(grid.min == trueMinimum);
  const double floor = levelFloor(deep.minimumValue(), grid);
  CHECK(floor == trueMinimum);
  const std::vector<double> levels = logLevels(grid, floor, 12);
  REQUIRE(levels.size() == 12);
  checkInsideAndIncreasing(levels, grid);
  checkConstantRatio(levels, floor);
  CHECK(levels.front() < -78.0);  // the lowest levels resolve the bottom of the well
  CHECK(std::isfinite(logColorValue(grid.min, floor, logOffset(grid, floor))));
}

TEST_CASE("an Easom-like well at -1 in a flat plateau gets levels on its wall") {
  const FormulaFunction well([](double x, double y) { return -std::exp(-bowl(x, y)); }, -1.0);
  const Grid grid = evaluateGrid(well, {-3.0, 3.0, -3.0, 3.0, 61, 61});
  const double floor = levelFloor(well.minimumValue(), grid);
  CHECK(floor == -1.0);
  const std::vector<double> levels = logLevels(grid, floor, 10);
  REQUIRE(levels.size() == 10);
  checkInsideAndIncreasing(levels, grid);
  checkConstantRatio(levels, floor);
}

TEST_CASE("without a known minimum the floor is the grid minimum (saddle)") {
  const FormulaFunction saddle([](double x, double y) { return x * x - y * y; });
  const Grid grid = evaluateGrid(saddle, {-1.0, 1.0, -1.0, 1.0, 21, 21});
  const double floor = levelFloor(saddle.minimumValue(), grid);
  CHECK(floor == grid.min);
  CHECK(floor == -1.0);
  const std::vector<double> levels = logLevels(grid, floor, 8);
  REQUIRE(levels.size() == 8);
  checkInsideAndIncreasing(levels, grid);
  checkConstantRatio(levels, floor);
}

TEST_CASE("a view far from the minimum spreads the levels over the values it shows") {
  const Grid grid = evaluateGrid(FormulaFunction(bowl, 0.0), {3.0, 4.0, 3.0, 4.0, 11, 11});
  const double floor = levelFloor(0.0, grid);
  CHECK(floor == 0.0);
  const std::vector<double> levels = logLevels(grid, floor, 6);
  REQUIRE(levels.size() == 6);
  checkInsideAndIncreasing(levels, grid);
  const double ratio = checkConstantRatio(levels, floor);
  CHECK(levels.front() / ratio == Approx(grid.min).epsilon(1e-9));
  CHECK(levels.back() * ratio == Approx(grid.max).epsilon(1e-9));
}

TEST_CASE("linear levels are evenly spaced strictly inside the range") {
  const FormulaFunction deep([](double x, double y) { return bowl(x, y) - 10.0; });
  const Grid grid = evaluateGrid(deep, {-1.0, 1.0, -1.0, 1.0, 11, 11});
  const std::vector<double> levels = contourLevels(grid, grid.min, 9, LevelSpacing::kLinear);
  REQUIRE(levels.size() == 9);
  checkInsideAndIncreasing(levels, grid);
  const double step = (grid.max - grid.min) / 10.0;
  for (std::size_t k = 0; k < levels.size(); ++k) {
    CHECK(levels[k] == Approx(grid.min + (k + 1) * step).epsilon(1e-12));
  }
  CHECK(contourLevels(grid, grid.min, 9, LevelSpacing::kLogarithmic) ==
        logLevels(grid, grid.min, 9));
}

TEST_CASE("flat, empty or zero-count requests give no levels") {
  const Grid flat =
      evaluateGrid(FormulaFunction([](double, double) { return 2.0; }), {0.0, 1.0, 0.0, 1.0, 5, 5});
  CHECK(logLevels(flat, 2.0, 10).empty());
  CHECK(linearLevels(flat, 10).empty());
  const Grid empty = evaluateGrid(FormulaFunction([](double, double) { return std::nan(""); }),
                                  {0.0, 1.0, 0.0, 1.0, 5, 5});
  CHECK(logLevels(empty, levelFloor(std::nan(""), empty), 10).empty());
  CHECK(linearLevels(empty, 10).empty());
  const Grid bowlGrid = evaluateGrid(FormulaFunction(bowl), {-1.0, 1.0, -1.0, 1.0, 5, 5});
  CHECK(logLevels(bowlGrid, 0.0, 0).empty());
  CHECK(linearLevels(bowlGrid, -3).empty());
}

TEST_CASE("the log color value is log10 of the height plus the offset, clamped at the floor") {
  CHECK(logColorValue(102.0, 2.0, 0.0) == Approx(2.0).epsilon(1e-15));
  CHECK(logColorValue(-5.0, -5.0, 1e-3) == Approx(-3.0).epsilon(1e-12));
  // Rounding just below the floor must not produce NaN or -inf.
  CHECK(logColorValue(-5.0 - 1e-12, -5.0, 1e-3) == logColorValue(-5.0, -5.0, 1e-3));
  CHECK(std::isnan(logColorValue(std::nan(""), 0.0, 1e-3)));
  double previous = -std::numeric_limits<double>::infinity();
  for (double f = 0.0; f < 1000.0; f = f * 1.7 + 0.01) {
    const double color = logColorValue(f, 0.0, 1e-4);
    CHECK(color > previous);
    previous = color;
  }
}

#include "core/landscape/marching_squares.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "polyline_checks.h"
#include "test_functions.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

// A hand-made grid; min and max as evaluateGrid would compute them.
Grid makeGrid(const GridSpec& spec, std::vector<double> values) {
  Grid grid{spec, std::move(values)};
  for (double v : grid.values) {
    if (std::isnan(v)) continue;
    if (!(v >= grid.min)) grid.min = v;
    if (!(v <= grid.max)) grid.max = v;
  }
  return grid;
}

bool near(const Eigen::Vector2d& p, double x, double y) {
  return std::abs(p.x() - x) < 1e-12 && std::abs(p.y() - y) < 1e-12;
}

}  // namespace

TEST_CASE("a circle of x² + y² is one closed, counter-clockwise line of length 2πr") {
  const GridSpec spec{-2.0, 2.0, -2.0, 2.0, 81, 81};
  const double h = spec.dx();
  const Grid grid = evaluateGrid(FormulaFunction(bowl), spec);
  for (double r : {0.5, 1.0, 1.37}) {
    INFO("r = " << r);
    const std::vector<Polyline> lines = contourLines(grid, r * r);
    REQUIRE(lines.size() == 1);
    const Polyline& circle = lines.front();
    CHECK(isClosed(circle));
    // Along an edge the linear interpolant of a convex parabola lies above it by at most h²/4,
    // so every crossing satisfies r² - h²/4 <= x² + y² <= r².
    for (const Eigen::Vector2d& p : circle) {
      CHECK(p.squaredNorm() <= r * r + 1e-12);
      CHECK(p.squaredNorm() >= r * r - h * h / 4 - 1e-12);
    }
    CHECK(length(circle) == Approx(2 * M_PI * r).epsilon(h * h / (r * r)));
    // Higher values (outside) on the right: counter-clockwise, positive area.
    CHECK(signedArea(circle) == Approx(M_PI * r * r).epsilon(h * h / (r * r)));
    CHECK(distinctPointCount(lines) == crossedEdgeCount(grid, r * r));
  }
}

TEST_CASE("a linear function's contour is an exact straight line across the grid") {
  auto plane = [](double x, double y) { return 0.7 * x - 1.3 * y + 0.2; };
  const GridSpec spec{-1.0, 2.0, -1.5, 1.0, 23, 17};
  const Grid grid = evaluateGrid(FormulaFunction(plane), spec);
  const double level = 0.1;
  const std::vector<Polyline> lines = contourLines(grid, level);
  REQUIRE(lines.size() == 1);
  const Polyline& line = lines.front();
  CHECK_FALSE(isClosed(line));
  CHECK(static_cast<int>(line.size()) == crossedEdgeCount(grid, level));
  for (const Eigen::Vector2d& p : line) CHECK(std::abs(plane(p.x(), p.y()) - level) < 1e-14);
  checkOpenEndsAreTerminal(grid, lines);
  // Higher values on the right of the direction of travel.
  const Eigen::Vector2d direction = line.back() - line.front();
  const Eigen::Vector2d right(direction.y(), -direction.x());
  CHECK(right.dot(Eigen::Vector2d(0.7, -1.3)) > 0.0);
}

TEST_CASE("a saddle cell is resolved by its centre value") {
  // Diagonal corners above: bottom-left and top-right 3, the other two 0; centre average 1.5.
  const Grid cell = makeGrid({0.0, 1.0, 0.0, 1.0, 2, 2}, {3.0, 0.0, 0.0, 3.0});

  SECTION("centre above the level: the high corners connect, the low ones are cut off") {
    const std::vector<Polyline> lines = contourLines(cell, 1.0);
    REQUIRE(lines.size() == 2);
    // Cuts off (1, 0) between (1, 1/3) and (2/3, 0), and (0, 1) between (0, 2/3) and (1/3, 1),
    // each segment running with the higher values on its right.
    int cutBottomRight = 0, cutTopLeft = 0;
    for (const Polyline& line : lines) {
      REQUIRE(line.size() == 2);
      const bool a = near(line[0], 1.0, 1.0 / 3) && near(line[1], 2.0 / 3, 0.0);
      const bool b = near(line[0], 0.0, 2.0 / 3) && near(line[1], 1.0 / 3, 1.0);
      cutBottomRight += a ? 1 : 0;
      cutTopLeft += b ? 1 : 0;
    }
    CHECK(cutBottomRight == 1);
    CHECK(cutTopLeft == 1);
    checkNoCrossings(lines);
  }

  SECTION("centre below the level: the high corners are cut off") {
    const std::vector<Polyline> lines = contourLines(cell, 2.0);
    REQUIRE(lines.size() == 2);
    int cutBottomLeft = 0, cutTopRight = 0;
    for (const Polyline& line : lines) {
      REQUIRE(line.size() == 2);
      const bool a = near(line[0], 0.0, 1.0 / 3) && near(line[1], 1.0 / 3, 0.0);
      const bool b = near(line[0], 1.0, 2.0 / 3) && near(line[1], 2.0 / 3, 1.0);
      cutBottomLeft += a ? 1 : 0;
      cutTopRight += b ? 1 : 0;
    }
    CHECK(cutBottomLeft == 1);
    CHECK(cutTopRight == 1);
    checkNoCrossings(lines);
  }
}

TEST_CASE("many saddles: lines never cross, never stop inside, and use every crossing once") {
  // sin x · sin y has a saddle at every (kπ, mπ); its zero set is a lattice of lines, so
  // levels near zero put saddle cells all over the grid.
  auto eggCrate = [](double x, double y) { return std::sin(x) * std::sin(y); };
  const GridSpec spec{0.3, 12.9, 0.2, 12.7, 64, 61};
  const Grid grid = evaluateGrid(FormulaFunction(eggCrate), spec);
  for (double level : {0.0, 0.004, -0.004, 0.5}) {
    INFO("level " << level);
    int saddleCells = 0;
    for (int j = 0; j + 1 < spec.ny; ++j) {
      for (int i = 0; i + 1 < spec.nx; ++i) {
        const bool bl = grid.at(i, j) >= level, br = grid.at(i + 1, j) >= level;
        const bool tr = grid.at(i + 1, j + 1) >= level, tl = grid.at(i, j + 1) >= level;
        if (bl == tr && br == tl && bl != br) ++saddleCells;
      }
    }
    if (level != 0.5) CHECK(saddleCells > 0);
    const std::vector<Polyline> lines = contourLines(grid, level);
    REQUIRE_FALSE(lines.empty());
    CHECK(distinctPointCount(lines) == crossedEdgeCount(grid, level));
    checkOpenEndsAreTerminal(grid, lines);
    checkNoCrossings(lines);
  }
}

TEST_CASE("cells with a NaN corner are skipped and lines end at the undefined region") {
  const FormulaFunction holed([](double x, double y) {
    return x > 0.5 ? std::numeric_limits<double>::quiet_NaN() : bowl(x, y);
  });
  const GridSpec spec{-2.0, 2.0, -2.0, 2.0, 41, 41};
  const Grid grid = evaluateGrid(holed, spec);
  const std::vector<Polyline> lines = contourLines(grid, 1.0);
  REQUIRE(lines.size() == 1);
  CHECK_FALSE(isClosed(lines.front()));
  for (const Eigen::Vector2d& p : lines.front()) {
    CHECK(p.x() <= 0.5 + 1e-12);
    CHECK(p.squaredNorm() == Approx(1.0).margin(spec.dx() * spec.dx() / 4 + 1e-12));
  }
  CHECK(distinctPointCount(lines) == crossedEdgeCount(grid, 1.0));
  checkOpenEndsAreTerminal(grid, lines);

  const Grid undefined = makeGrid({0.0, 1.0, 0.0, 1.0, 3, 3}, std::vector<double>(9, std::nan("")));
  CHECK(contourLines(undefined, 0.0).empty());
}

TEST_CASE("a level outside the data range gives no lines") {
  const Grid grid = evaluateGrid(FormulaFunction(bowl), {-1.0, 1.0, -1.0, 1.0, 21, 21});
  CHECK(contourLines(grid, grid.max + 0.1).empty());
  CHECK(contourLines(grid, grid.min - 0.1).empty());
  CHECK(contourLines(grid, std::nan("")).empty());
  CHECK_FALSE(contourLines(grid, 0.5 * (grid.min + grid.max)).empty());
}

TEST_CASE("a grid whose values do not match its spec is rejected") {
  Grid grid = evaluateGrid(FormulaFunction(bowl), {-1.0, 1.0, -1.0, 1.0, 5, 5});
  grid.values.pop_back();
  CHECK_THROWS_AS(contourLines(grid, 0.5), std::invalid_argument);
}

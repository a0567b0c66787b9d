// Objective::values (one landscape row at a time) must be value() at every point, bit for bit:
// the grid a user sees has to be the function the optimizers descend. Every 2D function of the
// catalog is checked, including ones added later; extreme and non-finite coordinates too.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/objectives/objective.h"

using namespace optiscope;

namespace {

// Bit for bit, except that any NaN equals any NaN: IEEE 754 does not fix the sign or payload
// of a NaN result, and the compiler may order the operands of a commutative operation
// differently in two copies of the same formula (seen: levy13 at (NaN, inf) gives -nan in
// value() and nan in values()).
bool sameBits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Row coordinates spanning the view box and beyond it, plus values that overflow the formulas
// or are not numbers. 37 points: not a multiple of any vector width.
Eigen::VectorXd rowCoordinates(const Box& box) {
  const double low = box.lower[0], high = box.upper[0], width = high - low;
  Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(29, low - 0.5 * width, high + 0.5 * width);
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> extremes = {0.0, -0.0, 1e-300, -1e150, 1e200, inf, -inf, std::nan("")};
  xs.conservativeResize(29 + static_cast<Eigen::Index>(extremes.size()));
  for (std::size_t k = 0; k < extremes.size(); ++k)
    xs[29 + static_cast<Eigen::Index>(k)] = extremes[k];
  return xs;
}

std::vector<double> rowHeights(const Box& box) {
  const double low = box.lower[1], high = box.upper[1], width = high - low;
  std::vector<double> ys;
  for (int j = 0; j <= 12; ++j) ys.push_back(low - 0.5 * width + j * (2.0 * width / 12.0));
  for (double extreme : {-0.0, 1e-300, 3e153, -1e200, std::numeric_limits<double>::infinity()})
    ys.push_back(extreme);
  return ys;
}

}  // namespace

TEST_CASE("values() is value() at every point of a row, bit for bit, for every 2D function") {
  int functions = 0;
  for (const ObjectiveInfo& info : objectiveCatalog()) {
    const auto objective = makeObjective(info.name);  // default spec: dim 2 where adjustable
    if (objective->dim() != 2) continue;
    ++functions;
    INFO(info.name);
    const Box box = objective->viewBox();
    const Eigen::VectorXd xs = rowCoordinates(box);
    Eigen::VectorXd row(xs.size());
    int finite = 0;
    for (const double y : rowHeights(box)) {
      INFO("y = " << y);
      objective->values(xs, y, row);
      for (Eigen::Index i = 0; i < xs.size(); ++i) {
        const double expected = objective->value(Eigen::Vector2d(xs[i], y));
        if (!sameBits(row[i], expected))
          FAIL_CHECK("x = " << xs[i] << ": " << row[i] << " vs " << expected);
        finite += std::isfinite(expected) ? 1 : 0;
      }
    }
    CHECK(finite > 29 * 13 / 2);  // mostly ordinary points, not only overflow
  }
  CHECK(functions == 17);
}

TEST_CASE("values() writes into a row that is part of a larger buffer") {
  const auto rosenbrock = makeObjective("rosenbrock");
  const Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(5, -2.0, 2.0);
  std::vector<double> buffer(15, -1.0);
  Eigen::Map<Eigen::VectorXd> middle(buffer.data() + 5, 5);
  rosenbrock->values(xs, 0.5, middle);
  for (int i = 0; i < 5; ++i) {
    CHECK(buffer[i] == -1.0);
    CHECK(buffer[10 + i] == -1.0);
    CHECK(sameBits(buffer[5 + i], rosenbrock->value(Eigen::Vector2d(xs[i], 0.5))));
  }
}

TEST_CASE("values() refuses N-d functions and a row of the wrong size") {
  const Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(4, -1.0, 1.0);
  Eigen::VectorXd row(4), shortRow(3);
  CHECK_THROWS_AS(makeObjective("rosenbrock:dim=3")->values(xs, 0.0, row), std::logic_error);
  CHECK_THROWS_AS(makeObjective("sphere:dim=5")->values(xs, 0.0, row), std::logic_error);
  for (const char* name : {"rosenbrock", "himmelblau", "sphere", "beale"})
    CHECK_THROWS_AS(makeObjective(name)->values(xs, 0.0, shortRow), std::logic_error);
}

// Objective::valuesAndGradients (many points at once, for batched runs) must be
// valueAndGradient at every point, bit for bit: a start-point map steps the same numbers a
// single run does. Every 2D function of the catalog, including ones added later; extreme and
// non-finite coordinates too.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/objectives/objective.h"
#include "objective_test_support.h"

using namespace optiscope;

namespace {

// As in row_values_test.cpp: any NaN equals any NaN (IEEE 754 leaves its sign open).
bool sameBits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Random points in and around the view box, then extreme ones: 45 points, not a multiple of
// any vector width.
void batchPoints(const Box& box, Eigen::VectorXd& x, Eigen::VectorXd& y) {
  const Eigen::Vector2d centre = (box.lower + box.upper) / 2, half = box.upper - box.lower;
  const Box wide{centre - half, centre + half};
  const auto random = testing::randomPointsIn(wide, 37, 17);
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::pair<double, double>> extremes = {
      {0.0, -0.0}, {1e-300, 1.0}, {-1e150, 2.0},       {1e200, -1e200},
      {inf, 0.0},  {0.5, -inf},   {std::nan(""), 1.0}, {-0.0, 0.0}};
  x.resize(45);
  y.resize(45);
  for (int i = 0; i < 37; ++i) {
    x[i] = random[i][0];
    y[i] = random[i][1];
  }
  for (int k = 0; k < 8; ++k) {
    x[37 + k] = extremes[k].first;
    y[37 + k] = extremes[k].second;
  }
}

}  // namespace

TEST_CASE("valuesAndGradients is valueAndGradient at every point, bit for bit, for 2D functions") {
  int functions = 0;
  for (const ObjectiveInfo& info : objectiveCatalog()) {
    const auto objective = makeObjective(info.name);
    if (objective->dim() != 2) continue;
    ++functions;
    INFO(info.name);
    Eigen::VectorXd x, y;
    batchPoints(objective->viewBox(), x, y);
    Eigen::VectorXd f(x.size()), gx(x.size()), gy(x.size());
    objective->valuesAndGradients(x, y, f, gx, gy);
    int finite = 0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      Eigen::Vector2d g;
      const double value = objective->valueAndGradient(Eigen::Vector2d(x[i], y[i]), g);
      if (!sameBits(f[i], value) || !sameBits(gx[i], g[0]) || !sameBits(gy[i], g[1]))
        FAIL_CHECK("at " << x[i] << "," << y[i] << ": " << f[i] << " " << gx[i] << " " << gy[i]
                         << " vs " << value << " " << g[0] << " " << g[1]);
      finite += std::isfinite(value) ? 1 : 0;
    }
    CHECK(finite >= 37);
  }
  CHECK(functions == 17);
}

TEST_CASE("valuesAndGradients works on the halves of one stacked vector") {
  // The batched runs keep all x in the first half of one vector and all y in the second.
  const auto objective = makeObjective("himmelblau");
  Eigen::VectorXd p(10), g(10), f(5);
  p << -4, -2, 0, 2, 4, 3, 1, -1, -3, 0.5;
  objective->valuesAndGradients(p.head(5), p.tail(5), f, g.head(5), g.tail(5));
  for (int i = 0; i < 5; ++i) {
    Eigen::Vector2d single;
    CHECK(f[i] == objective->valueAndGradient(Eigen::Vector2d(p[i], p[5 + i]), single));
    CHECK(g[i] == single[0]);
    CHECK(g[5 + i] == single[1]);
  }
}

TEST_CASE("valuesAndGradients refuses N-d functions and vectors of different sizes") {
  Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(4, -1.0, 1.0), f(4), gx(4), gy(4), shortOne(3);
  CHECK_THROWS_AS(makeObjective("rosenbrock:dim=3")->valuesAndGradients(x, x, f, gx, gy),
                  std::logic_error);
  CHECK_THROWS_AS(makeObjective("sphere:dim=5")->valuesAndGradients(x, x, f, gx, gy),
                  std::logic_error);
  for (const char* name : {"rosenbrock", "himmelblau", "sphere", "beale"}) {
    INFO(name);
    const auto objective = makeObjective(name);
    CHECK_THROWS_AS(objective->valuesAndGradients(x, shortOne, f, gx, gy), std::logic_error);
    CHECK_THROWS_AS(objective->valuesAndGradients(x, x, shortOne, gx, gy), std::logic_error);
    CHECK_THROWS_AS(objective->valuesAndGradients(x, x, f, gx, shortOne), std::logic_error);
  }
}

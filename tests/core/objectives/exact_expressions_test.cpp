// Torch parity tests compare trajectories bit for bit, so rosenbrock's and himmelblau's
// gradients must be these exact double expressions in this order (the build uses
// -ffp-contract=off, so the compiler cannot fuse them differently either).
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>

#include "core/objectives/objective.h"

using namespace optiscope;

namespace {

std::uint64_t bitsOf(double v) { return std::bit_cast<std::uint64_t>(v); }

const std::vector<Eigen::Vector2d> kPoints = {{-1.5, 2.0},         {0.3, -0.7},        {1.1, 1.3},
                                              {-0.123456789, 3.3}, {2.75, -1.0 / 3.0}, {1.0, 1.0}};

}  // namespace

TEST_CASE("rosenbrock 2D value and gradient are the literal expressions, bit for bit") {
  for (const char* spec : {"rosenbrock", "rosenbrock:dim=2"}) {
    const auto f = makeObjective(spec);
    for (const Eigen::Vector2d& p : kPoints) {
      const double x = p[0], y = p[1];
      const double t = y - x * x;
      const double gx = (-2.0 * (1.0 - x)) - ((400.0 * x) * t);
      const double gy = 200.0 * t;
      const double value = (1.0 - x) * (1.0 - x) + 100.0 * (t * t);
      Eigen::VectorXd g(2);
      const double returned = f->valueAndGradient(p, g);
      INFO(spec << " at " << p.transpose());
      CHECK(bitsOf(returned) == bitsOf(value));
      CHECK(bitsOf(f->value(p)) == bitsOf(value));
      CHECK(bitsOf(g[0]) == bitsOf(gx));
      CHECK(bitsOf(g[1]) == bitsOf(gy));
    }
  }
}

TEST_CASE("rosenbrock N-d accumulates per term from zero, in ascending order") {
  const auto f = makeObjective("rosenbrock:dim=7");
  const Eigen::VectorXd x = (Eigen::VectorXd(7) << -1.2, 1.0, 0.3, -0.7, 1.1, 2.2, -0.4).finished();
  Eigen::VectorXd expected = Eigen::VectorXd::Zero(7);
  double value = 0.0;
  for (int i = 0; i + 1 < 7; ++i) {
    const double t = x[i + 1] - x[i] * x[i];
    expected[i] += (-2.0 * (1.0 - x[i])) - ((400.0 * x[i]) * t);
    expected[i + 1] += 200.0 * t;
    value += (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * (t * t);
  }
  Eigen::VectorXd g(7);
  CHECK(bitsOf(f->valueAndGradient(x, g)) == bitsOf(value));
  for (int i = 0; i < 7; ++i) {
    INFO("coordinate " << i);
    CHECK(bitsOf(g[i]) == bitsOf(expected[i]));
  }
}

TEST_CASE("himmelblau value and gradient are the literal expressions, bit for bit") {
  const auto f = makeObjective("himmelblau");
  for (const Eigen::Vector2d& p : kPoints) {
    const double x = p[0], y = p[1];
    const double a = (x * x + y) - 11.0;
    const double b = (x + y * y) - 7.0;
    const double gx = (4.0 * x) * a + 2.0 * b;
    const double gy = 2.0 * a + (4.0 * y) * b;
    Eigen::VectorXd g(2);
    const double returned = f->valueAndGradient(p, g);
    INFO("at " << p.transpose());
    CHECK(bitsOf(returned) == bitsOf(a * a + b * b));
    CHECK(bitsOf(g[0]) == bitsOf(gx));
    CHECK(bitsOf(g[1]) == bitsOf(gy));
  }
}

TEST_CASE("rosenbrock keeps its required default starts") {
  CHECK(makeObjective("rosenbrock")->defaultStart() == Eigen::Vector2d(-1.5, 2.0));
  CHECK(makeObjective("rosenbrock:dim=2")->defaultStart() == Eigen::Vector2d(-1.5, 2.0));
  const Eigen::VectorXd start = makeObjective("rosenbrock:dim=5")->defaultStart();
  CHECK(start == (Eigen::VectorXd(5) << -1.2, 1.0, -1.2, 1.0, -1.2).finished());
}

// Curvature on quadratics whose eigen-decomposition is known: quadratic:condition=κ,angle=θ
// has eigenvalues 1 along (cos θ, sin θ) and κ along (−sin θ, cos θ).
#include "core/analysis/curvature.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/optim/registry.h"

using namespace optiscope;

namespace {

// f = −(x² + 3y²)/2: every direction curves downwards.
class Cap final : public Objective {
 public:
  std::string_view name() const override { return "cap"; }
  Eigen::Index dim() const override { return 2; }
  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    return -0.5 * (x[0] * x[0] + 3.0 * x[1] * x[1]);
  }
  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                          Eigen::Ref<Eigen::VectorXd> g) const override {
    g << -x[0], -3.0 * x[1];
    return value(x);
  }
  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>&) const override {
    return Eigen::Vector2d(-1.0, -3.0).asDiagonal();
  }
  std::vector<Minimum> globalMinima() const override { return {}; }
  Box viewBox() const override { return {Eigen::Vector2d(-1, -1), Eigen::Vector2d(1, 1)}; }
  Eigen::VectorXd defaultStart() const override { return Eigen::Vector2d(0.5, 0.5); }
  std::unique_ptr<Objective> clone() const override { return std::make_unique<Cap>(*this); }
};

// |cos| of the angle between two directions: 1 when parallel (eigenvectors have no sign).
double alignment(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return std::abs(a.dot(b)) / (a.norm() * b.norm());
}

}  // namespace

TEST_CASE("a rotated quadratic has eigenvalues 1 and κ along the rotated axes") {
  const auto f = makeObjective("quadratic:condition=50,angle=30");
  const Curvature c = curvatureAt(*f, Eigen::Vector2d(0.7, -2.0));  // the same everywhere
  const double theta = 30.0 * std::numbers::pi / 180.0;
  CHECK(c.eigenvalues[0] == Approx(1.0).epsilon(1e-12));
  CHECK(c.eigenvalues[1] == Approx(50.0).epsilon(1e-12));
  CHECK(alignment(c.eigenvectors.col(0), Eigen::Vector2d(std::cos(theta), std::sin(theta))) ==
        Approx(1.0).epsilon(1e-12));
  CHECK(alignment(c.eigenvectors.col(1), Eigen::Vector2d(-std::sin(theta), std::cos(theta))) ==
        Approx(1.0).epsilon(1e-12));
  CHECK(c.eigenvectors.col(0).norm() == Approx(1.0));
  CHECK(c.lambdaMax == Approx(50.0));
  CHECK(c.stabilityBound == Approx(2.0 / 50.0));
}

TEST_CASE("the stability bound is where gradient descent starts to diverge") {
  // Along the steep axis SGD multiplies the error by (1 − η·κ): |.| < 1 iff η < 2/κ.
  const auto f = makeObjective("quadratic:condition=20,angle=0");
  const double bound = curvatureAt(*f, Eigen::Vector2d(1, 1)).stabilityBound;
  for (const double factor : {0.98, 1.02}) {
    Eigen::VectorXd p = Eigen::Vector2d(1.0, 1.0), g(2);
    auto sgd = makeOptimizer("sgd:lr=" + std::to_string(factor * bound));
    sgd->init(2);
    for (int k = 0; k < 300; ++k) {
      f->valueAndGradient(p, g);
      sgd->step(p, g);
    }
    if (factor < 1) CHECK(std::abs(p[1]) < 1e-2);
    if (factor > 1) CHECK(std::abs(p[1]) > 10.0);
  }
}

TEST_CASE("curvature of Rosenbrock at its minimum and of a saddle and a cap") {
  // Rosenbrock's Hessian at (1, 1) is [[802, −400], [−400, 200]]: trace 1002, det 400.
  const Curvature r = curvatureAt(*makeObjective("rosenbrock"), Eigen::Vector2d(1, 1));
  const double disc = std::sqrt(1002.0 * 1002.0 - 4 * 400.0);
  CHECK(r.lambdaMax == Approx((1002.0 + disc) / 2));
  CHECK(r.eigenvalues[0] == Approx((1002.0 - disc) / 2));
  const Curvature s = curvatureAt(*makeObjective("saddle"), Eigen::Vector2d(0, 0));
  CHECK(s.eigenvalues[0] == Approx(-2.0));
  CHECK(s.lambdaMax == Approx(2.0));
  const Curvature cap = curvatureAt(Cap(), Eigen::Vector2d(0, 0));
  CHECK(cap.lambdaMax == Approx(-1.0));
  CHECK(std::isinf(cap.stabilityBound));
  CHECK_THROWS_AS(curvatureAt(Cap(), Eigen::Vector3d(0, 0, 0)), std::invalid_argument);
}

TEST_CASE("directional rates: SGD's rate in every direction, Adam's mixed along rotated axes") {
  const auto aligned = makeObjective("quadratic:condition=10,angle=0");
  const Curvature c = curvatureAt(*aligned, Eigen::Vector2d(0, 0));
  DirectionalRates d = directionalRates(c, Eigen::Vector2d(0.1, 0.1));
  CHECK(d.rateAlong[0] == Approx(0.1));
  CHECK(d.rateAlong[1] == Approx(0.1));
  CHECK(d.stabilityRatio[1] == Approx(0.1 * 10 / 2));
  CHECK(d.preconditionedSharpness == Approx(1.0));  // η·κ
  // Axis-aligned: coordinate rates are the directional rates.
  d = directionalRates(c, Eigen::Vector2d(0.5, 0.01));
  CHECK(d.rateAlong[0] == Approx(0.5));
  CHECK(d.rateAlong[1] == Approx(0.01));
  CHECK(d.preconditionedSharpness == Approx(std::max(0.5 * 1, 0.01 * 10)));

  // At 45° each eigen-direction is half x, half y: it sees the mean of the two rates. The
  // preconditioned Hessian D^½ H D^½ of H = [[5.5, −4.5], [−4.5, 5.5]] and D = diag(a, b):
  // [[5.5a, −4.5√(ab)], [−4.5√(ab), 5.5b]], whose largest eigenvalue is worked out below.
  const auto rotated = makeObjective("quadratic:condition=10,angle=45");
  const Curvature r = curvatureAt(*rotated, Eigen::Vector2d(0, 0));
  const double a = 0.3, b = 0.05;
  d = directionalRates(r, Eigen::Vector2d(a, b));
  CHECK(d.rateAlong[0] == Approx((a + b) / 2));
  CHECK(d.rateAlong[1] == Approx((a + b) / 2));
  const double tr = 5.5 * a + 5.5 * b, det = 5.5 * a * 5.5 * b - 4.5 * 4.5 * a * b;
  CHECK(d.preconditionedSharpness == Approx((tr + std::sqrt(tr * tr - 4 * det)) / 2));

  CHECK_THROWS_AS(directionalRates(c, Eigen::Vector3d(1, 1, 1)), std::invalid_argument);
  CHECK_THROWS_AS(directionalRates(c, Eigen::Vector2d(NAN, NAN)), std::invalid_argument);
  CHECK_THROWS_AS(directionalRates(c, Eigen::Vector2d(-1, 1)), std::invalid_argument);
}

TEST_CASE("directional rates from a real Adam run are the quadratic form of its η_eff") {
  const auto f = makeObjective("quadratic:condition=25,angle=20");
  auto adam = makeOptimizer("adam:lr=0.1");
  adam->init(2);
  Eigen::VectorXd p = Eigen::Vector2d(-4, 2), g(2);
  for (int k = 0; k < 30; ++k) {
    f->valueAndGradient(p, g);
    adam->step(p, g);
  }
  const Eigen::VectorXd eta = adam->effectiveLr();
  const Curvature c = curvatureAt(*f, p);
  const DirectionalRates d = directionalRates(c, eta);
  for (int k = 0; k < 2; ++k) {
    const Eigen::VectorXd u = c.eigenvectors.col(k);
    CHECK(d.rateAlong[k] == Approx(eta[0] * u[0] * u[0] + eta[1] * u[1] * u[1]));
  }
  CHECK(eta[0] != Approx(eta[1]));  // Adam's rates differ per coordinate
}

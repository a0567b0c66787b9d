// RAdam's warm-up (OPTIMIZERS.md §1.9): with β2 = 0.999, ρ_t ≤ 5 for t = 1..5, so those steps
// are plain momentum-SGD steps lr·m̂ that ignore v and eps; step 6 is the first adapted one.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr double kLr = 0.01, kBeta1 = 0.9, kBeta2 = 0.999;
constexpr Eigen::Index kSize = 3;

}  // namespace

TEST_CASE("radam's first five steps are un-adapted momentum steps") {
  auto radam = makeOptimizer("radam:lr=0.01");
  radam->init(kSize);
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0);
  Eigen::VectorXd m = Eigen::VectorXd::Zero(kSize), v = Eigen::VectorXd::Zero(kSize);
  for (int t = 1; t <= 6; ++t) {
    INFO("step " << t);
    const Eigen::VectorXd g = wavyGradient(kSize, t);
    const Eigen::VectorXd before = p;
    radam->step(p, g);
    m = kBeta1 * m + (1.0 - kBeta1) * g;
    v = kBeta2 * v + (1.0 - kBeta2) * g.cwiseProduct(g);
    const Eigen::VectorXd mHat = m / (1.0 - std::pow(kBeta1, t));
    if (t <= 5) {
      CHECK(maxRelativeError(p, before - kLr * mHat) < 1e-14);
      CHECK(radam->effectiveLr() == Eigen::VectorXd::Constant(kSize, kLr));
    } else {
      const double rhoInf = 2.0 / (1.0 - kBeta2) - 1.0;
      const double bc2 = 1.0 - std::pow(kBeta2, t);
      const double rho = rhoInf - 2.0 * t * std::pow(kBeta2, t) / bc2;
      REQUIRE(rho > 5.0);
      const double r =
          std::sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
      const Eigen::VectorXd rate = (kLr * r * std::sqrt(bc2)) / (v.array().sqrt() + 1e-8).array();
      CHECK(maxRelativeError(radam->effectiveLr(), rate) < 1e-14);
      CHECK(maxRelativeError(p, before - rate.cwiseProduct(mHat)) < 1e-14);
    }
  }
}

TEST_CASE("radam's warm-up steps do not depend on eps but the adapted ones do") {
  auto small = makeOptimizer("radam:lr=0.01,eps=1e-8");
  auto large = makeOptimizer("radam:lr=0.01,eps=0.5");
  small->init(kSize);
  large->init(kSize);
  Eigen::VectorXd ps = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0), pl = ps;
  for (int t = 1; t <= 5; ++t) {
    small->step(ps, wavyGradient(kSize, t));
    large->step(pl, wavyGradient(kSize, t));
  }
  CHECK(ps == pl);
  small->step(ps, wavyGradient(kSize, 6));
  large->step(pl, wavyGradient(kSize, 6));
  CHECK((ps - pl).cwiseAbs().minCoeff() > 0.0);
}

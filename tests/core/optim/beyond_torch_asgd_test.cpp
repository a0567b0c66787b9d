// ASGD's float32 eta and its reading of lr (OPTIMIZERS.md §1.10): torch stores eta as a float32
// tensor, takes the first one from the lr of the first step and afterwards reads lr only to
// compute the eta of the *next* step.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr double kLambd = 1e-4, kAlpha = 0.75;

double nextEta(double lr, double t) {
  return static_cast<float>(lr / std::pow(1.0 + kLambd * lr * t, kAlpha));
}

}  // namespace

TEST_CASE("asgd's first eta is the lr rounded to float32") {
  auto asgd = makeOptimizer("asgd:lr=0.01");
  asgd->init(2);
  const Eigen::VectorXd start = Eigen::Vector2d(0.5, -1.5);
  const Eigen::Vector2d g(2.0, -0.25);
  Eigen::VectorXd p = start;
  asgd->step(p, g);
  const double eta = 0.009999999776482582;  // float32(0.01), as torch.tensor(0.01).item()
  CHECK(asgd->effectiveLr() == Eigen::VectorXd::Constant(2, eta));
  for (Eigen::Index i = 0; i < 2; ++i)
    CHECK(p[i] == std::fma(-eta, g[i], start[i] * (1.0 - kLambd * eta)));
  CHECK(stateOf(*asgd, "ax") == p);  // mu = 1 before t0: the average is the iterate
}

TEST_CASE("asgd's eta follows a changed lr only from the step after next") {
  auto steady = makeOptimizer("asgd:lr=0.01");
  auto changed = makeOptimizer("asgd:lr=0.01");
  steady->init(2);
  changed->init(2);
  Eigen::VectorXd ps = Eigen::Vector2d(0.5, -1.5), pc = ps;
  steady->step(ps, wavyGradient(2, 1));
  changed->step(pc, wavyGradient(2, 1));
  changed->setLr(0.02);

  // Step 2 uses the eta computed at the end of step 1, from the lr of step 1.
  steady->step(ps, wavyGradient(2, 2));
  changed->step(pc, wavyGradient(2, 2));
  CHECK(ps == pc);
  CHECK(changed->effectiveLr()[0] == nextEta(0.01, 1.0));

  // Step 3 uses the eta computed at the end of step 2, with the lr then in effect.
  changed->step(pc, wavyGradient(2, 3));
  CHECK(changed->effectiveLr()[0] == nextEta(0.02, 2.0));
  CHECK(nextEta(0.02, 2.0) != nextEta(0.01, 2.0));
}

TEST_CASE("asgd's first eta is the lr of the first step and not the configured one") {
  auto asgd = makeOptimizer("asgd:lr=0.01");
  asgd->init(2);
  asgd->setLr(0.003);  // what a schedule's attach() does before the first step
  Eigen::VectorXd p = Eigen::Vector2d(0.5, -1.5);
  asgd->step(p, wavyGradient(2, 1));
  CHECK(asgd->effectiveLr()[0] == static_cast<float>(0.003));
}

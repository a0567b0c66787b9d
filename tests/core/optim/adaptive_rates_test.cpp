// Behaviour of adagrad, rmsprop and adadelta that the torch trajectories do not isolate.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

TEST_CASE("adagrad, rmsprop and adadelta expose their state by name") {
  auto adagrad = makeOptimizer("adagrad");
  adagrad->init(2);
  CHECK(stateNames(*adagrad) == "sum");
  auto rmsprop = makeOptimizer("rmsprop");
  rmsprop->init(2);
  CHECK(stateNames(*rmsprop) == "v");
  auto full = makeOptimizer("rmsprop:momentum=0.9,centered=true");
  full->init(2);
  CHECK(stateNames(*full) == "v momentum_buffer grad_avg");
  auto adadelta = makeOptimizer("adadelta");
  adadelta->init(2);
  CHECK(stateNames(*adadelta) == "v u");

  CHECK(adagrad->momentumKind() == MomentumKind::None);
  CHECK(adadelta->momentumKind() == MomentumKind::None);
  CHECK(full->momentumKind() == MomentumKind::Momentum);
  CHECK(full->momentum() == 0.9);
}

TEST_CASE("adagrad's sum starts at initial_accumulator_value and adds d²") {
  auto adagrad = makeOptimizer("adagrad:initial_accumulator_value=0.3,weight_decay=0.1");
  adagrad->init(4);
  CHECK(stateOf(*adagrad, "sum") == Eigen::VectorXd::Constant(4, 0.3));  // torch: at construction
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(4, -1.0, 2.0);
  Eigen::VectorXd expected = Eigen::VectorXd::Constant(4, 0.3);
  for (int k = 0; k < 5; ++k) {
    const Eigen::VectorXd g = wavyGradient(4, k);
    const Eigen::VectorXd d = g + 0.1 * p;  // L2 decay enters the accumulator
    adagrad->step(p, g);
    expected += d.cwiseAbs2();
    CHECK(maxRelativeError(stateOf(*adagrad, "sum"), expected) <= 1e-14);
  }
}

TEST_CASE("adagrad's rate never grows on a constant gradient") {
  auto adagrad = makeOptimizer("adagrad:lr=0.1");
  adagrad->init(1);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(1);
  const Eigen::VectorXd g = Eigen::VectorXd::Constant(1, 2.0);
  double previous = INFINITY;
  for (int t = 1; t <= 20; ++t) {
    adagrad->step(p, g);
    CHECK(adagrad->effectiveLr()[0] < previous);
    // sum = t·g², so the rate is lr/(g·sqrt(t)) up to eps.
    CHECK(adagrad->effectiveLr()[0] == Approx(0.1 / (2.0 * std::sqrt(t))).epsilon(1e-9));
    previous = adagrad->effectiveLr()[0];
  }
}

TEST_CASE("rmsprop has no bias correction: the first step is lr/sqrt(1-α)") {
  auto rmsprop = makeOptimizer("rmsprop:lr=0.001,alpha=0.99");
  rmsprop->init(3);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(3), g(3);
  g << 0.5, -3.0, 40.0;
  rmsprop->step(p, g);
  for (Eigen::Index i = 0; i < 3; ++i)
    CHECK(std::abs(p[i]) == Approx(0.001 / std::sqrt(0.01)).epsilon(1e-6));
  CHECK(p[1] > 0.0);
}

TEST_CASE("centered rmsprop divides by the variance, so a constant gradient speeds it up") {
  auto plain = makeOptimizer("rmsprop:lr=0.001");
  auto centered = makeOptimizer("rmsprop:lr=0.001,centered=true");
  plain->init(1);
  centered->init(1);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(1), q = p;
  const Eigen::VectorXd g = Eigen::VectorXd::Constant(1, 1.0);
  for (int k = 0; k < 10; ++k) {
    plain->step(p, g);
    centered->step(q, g);
  }
  // v - ga² < v whenever ga ≠ 0.
  CHECK(centered->effectiveLr()[0] > plain->effectiveLr()[0]);
  CHECK(q[0] < p[0]);
}

TEST_CASE("adadelta's first step is sqrt(eps)/sqrt((1-ρ)d²+eps)·d, independent of scale") {
  auto adadelta = makeOptimizer("adadelta:lr=1,rho=0.9,eps=1e-6");
  adadelta->init(2);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(2), g(2);
  g << 0.1, 1000.0;
  adadelta->step(p, g);
  for (Eigen::Index i = 0; i < 2; ++i) {
    const double expected = -std::sqrt(1e-6) / std::sqrt(0.1 * g[i] * g[i] + 1e-6) * g[i];
    CHECK(p[i] == Approx(expected).epsilon(1e-12));
  }
  // Units cancel: both coordinates move by about sqrt(eps/(1-ρ)) although g differs 10^4×.
  CHECK(std::abs(p[0]) == Approx(std::abs(p[1])).epsilon(1e-3));
}

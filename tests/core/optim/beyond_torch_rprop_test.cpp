// Rprop reads lr once, to create its per-parameter step sizes (OPTIMIZERS.md §1.11), and
// validates its factors as torch does.
#include <catch2/catch.hpp>

#include "core/optim/registry.h"
#include "core/util/spec_error.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;
using Catch::Contains;

TEST_CASE("rprop ignores lr changes after its first step") {
  auto steady = makeOptimizer("rprop:lr=0.01");
  auto changed = makeOptimizer("rprop:lr=0.01");
  constexpr Eigen::Index n = 4;
  steady->init(n);
  changed->init(n);
  Eigen::VectorXd ps = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0), pc = ps;
  steady->step(ps, wavyGradient(n, 1));
  changed->step(pc, wavyGradient(n, 1));
  for (int k = 2; k <= 40; ++k) {
    changed->setLr(0.5 / k);  // a schedule rewriting lr every step
    steady->step(ps, wavyGradient(n, k));
    changed->step(pc, wavyGradient(n, k));
  }
  CHECK(ps == pc);
  CHECK(stateOf(*steady, "step_size") == stateOf(*changed, "step_size"));
  CHECK(stateOf(*steady, "step_size") != Eigen::VectorXd::Constant(n, 0.01));  // it adapted
}

TEST_CASE("rprop's step sizes start at the lr in effect at the first step") {
  auto rprop = makeOptimizer("rprop:lr=0.01");
  rprop->init(2);
  rprop->setLr(0.05);  // e.g. a schedule's attach()
  Eigen::VectorXd p = Eigen::Vector2d(1.0, 1.0);
  rprop->step(p, Eigen::Vector2d(3.0, -0.5));
  CHECK(p == Eigen::Vector2d(1.0 - 0.05, 1.0 + 0.05));
  CHECK(stateOf(*rprop, "step_size") == Eigen::Vector2d(0.05, 0.05));
  CHECK(rprop->effectiveLr() == Eigen::Vector2d(0.05, 0.05));
}

TEST_CASE("rprop grows on agreement and on a sign change shrinks and skips the move") {
  auto rprop = makeOptimizer("rprop:lr=0.1,eta_minus=0.5,eta_plus=1.5");
  rprop->init(1);
  Eigen::VectorXd p = Eigen::VectorXd::Constant(1, 0.0);
  const auto step = [&](double g) { rprop->step(p, Eigen::VectorXd::Constant(1, g)); };
  step(2.0);  // first step: prev = 0, so the size stays lr
  CHECK(p[0] == -0.1);
  step(1.0);  // same sign: size × 1.5
  CHECK(p[0] == Approx(-0.25).epsilon(1e-15));
  step(-4.0);  // sign change: size × 0.5, no move, and prev := 0
  CHECK(p[0] == Approx(-0.25).epsilon(1e-15));
  CHECK(stateOf(*rprop, "prev")[0] == 0.0);
  CHECK(stateOf(*rprop, "step_size")[0] == Approx(0.075).epsilon(1e-15));
  step(-4.0);  // prev = 0: size unchanged, moves again
  CHECK(p[0] == Approx(-0.175).epsilon(1e-15));
}

TEST_CASE("rprop's step sizes stay within step_min and step_max") {
  auto rprop = makeOptimizer("rprop:lr=0.01,step_min=0.005,step_max=0.02");
  rprop->init(1);
  Eigen::VectorXd p = Eigen::VectorXd::Constant(1, 0.0);
  for (int k = 0; k < 20; ++k) rprop->step(p, Eigen::VectorXd::Constant(1, 1.0));
  CHECK(rprop->effectiveLr()[0] == 0.02);
  for (int k = 0; k < 20; ++k) rprop->step(p, Eigen::VectorXd::Constant(1, k % 2 ? 1.0 : -1.0));
  CHECK(rprop->effectiveLr()[0] == 0.005);
}

TEST_CASE("rprop validates 0 < eta_minus < 1 < eta_plus and step_min <= step_max") {
  CHECK_THROWS_WITH(parseOptimizerSpec("rprop:eta_minus=1"),
                    Contains("rprop: eta_minus must be in (0, 1)"));
  CHECK_THROWS_WITH(parseOptimizerSpec("rprop:eta_minus=0"),
                    Contains("rprop: eta_minus must be in (0, 1)"));
  CHECK_THROWS_WITH(parseOptimizerSpec("rprop:eta_plus=1"),
                    Contains("rprop: eta_plus must be > 1"));
  CHECK_THROWS_WITH(parseOptimizerSpec("rprop:step_min=1,step_max=0.5"),
                    Contains("rprop: step_min must be <= step_max"));
  CHECK_THROWS_AS(parseOptimizerSpec("rprop:step_max=-1"), SpecError);
  CHECK(parseOptimizerSpec("rprop:eta_minus=0.3,eta_plus=1.5").values.real("eta_plus") == 1.5);
}

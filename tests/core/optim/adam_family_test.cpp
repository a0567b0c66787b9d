// Behaviour of adam, adamw and adamax that the torch trajectories do not isolate.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

TEST_CASE("adam family exposes its moments by name") {
  auto adam = makeOptimizer("adam");
  adam->init(3);
  CHECK(stateNames(*adam) == "m v");
  auto amsgrad = makeOptimizer("adamw:amsgrad=true");
  amsgrad->init(3);
  CHECK(stateNames(*amsgrad) == "m v vmax");
  auto adamax = makeOptimizer("adamax");
  adamax->init(3);
  CHECK(stateNames(*adamax) == "m u");
  for (const char* name : {"adam", "adamw", "adamax"}) {
    INFO(name);
    auto optimizer = makeOptimizer(name);
    CHECK(optimizer->momentumKind() == MomentumKind::Beta1);
    CHECK(optimizer->momentum() == 0.9);
  }
}

TEST_CASE("adam's bias correction makes the first step lr per coordinate") {
  // m̂ = g and v̂ = g² at t = 1, so the step is lr·g/(|g|+eps): lr in size, against g.
  auto adam = makeOptimizer("adam:lr=0.05");
  adam->init(4);
  Eigen::VectorXd p(4), g(4);
  p << 1.0, -2.0, 0.5, 3.0;
  g << 0.3, -7.0, 1e-2, 250.0;
  const Eigen::VectorXd start = p;
  adam->step(p, g);
  for (Eigen::Index i = 0; i < 4; ++i) {
    INFO("coordinate " << i);
    CHECK((start[i] - p[i]) * (g[i] > 0 ? 1 : -1) == Approx(0.05).epsilon(1e-6));
  }
}

TEST_CASE("adamw decays with the lr in effect now, also without a gradient") {
  auto adamw = makeOptimizer("adamw:lr=0.01,weight_decay=0.2");
  adamw->init(3);
  Eigen::VectorXd p(3);
  p << 1.5, -0.25, 4.0;
  const Eigen::VectorXd zero = Eigen::VectorXd::Zero(3);
  adamw->setLr(0.5);  // as a schedule would
  const Eigen::VectorXd start = p;
  adamw->step(p, zero);  // m = v = 0: the Adam part moves nothing
  CHECK(p == start * (1.0 - 0.5 * 0.2));
  adamw->setLr(0.25);
  adamw->step(p, zero);
  CHECK(p == start * (1.0 - 0.5 * 0.2) * (1.0 - 0.25 * 0.2));
}

TEST_CASE("adam's L2 weight decay enters the moments, adamw's does not") {
  auto adam = makeOptimizer("adam:weight_decay=0.5");
  auto adamw = makeOptimizer("adamw:weight_decay=0.5");
  adam->init(2);
  adamw->init(2);
  Eigen::VectorXd p = Eigen::VectorXd::Constant(2, 2.0), q = p;
  const Eigen::VectorXd zero = Eigen::VectorXd::Zero(2);
  adam->step(p, zero);
  adamw->step(q, zero);
  CHECK(stateOf(*adam, "m").isApprox(Eigen::VectorXd::Constant(2, 0.1 * 0.5 * 2.0)));
  CHECK(stateOf(*adamw, "m").isZero(0.0));
}

TEST_CASE("amsgrad keeps the running maximum of the raw v and takes smaller steps") {
  auto plain = makeOptimizer("adam:lr=0.01,beta2=0.9");
  auto amsgrad = makeOptimizer("adam:lr=0.01,beta2=0.9,amsgrad=true");
  plain->init(2);
  amsgrad->init(2);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(2), q = p;
  Eigen::VectorXd runningMax = Eigen::VectorXd::Zero(2);
  for (int k = 0; k < 30; ++k) {
    // Large gradients first, then small ones: v falls, its maximum must not.
    const Eigen::VectorXd g = Eigen::VectorXd::Constant(2, k < 5 ? 10.0 : 0.1);
    plain->step(p, g);
    amsgrad->step(q, g);
    runningMax = runningMax.cwiseMax(stateOf(*amsgrad, "v"));
    CHECK(stateOf(*amsgrad, "vmax") == runningMax);
    CHECK(stateOf(*amsgrad, "v") == stateOf(*plain, "v"));
  }
  // v fell from 100·(1-0.9⁵) ≈ 41 to about 41·0.9²⁵ ≈ 3; vmax stayed, so the rate is ≈ 3.7× lower.
  CHECK((stateOf(*amsgrad, "vmax").array() > stateOf(*amsgrad, "v").array() * 10).all());
  CHECK((amsgrad->effectiveLr().array() < plain->effectiveLr().array() / 3).all());
}

TEST_CASE("adamax's u is max(β2·u, |d| + eps)") {
  auto adamax = makeOptimizer("adamax:beta2=0.5,eps=0.01");
  adamax->init(3);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(3);
  Eigen::VectorXd u = Eigen::VectorXd::Zero(3);
  for (int k = 0; k < 10; ++k) {
    const Eigen::VectorXd g = wavyGradient(3, k) * (k % 3 == 0 ? 4.0 : 0.25);
    adamax->step(p, g);
    u = (0.5 * u).cwiseMax((g.array().abs() + 0.01).matrix());
    CHECK(stateOf(*adamax, "u") == u);
  }
}

TEST_CASE("a NaN gradient shows in the maxima as torch.maximum/amax would show it") {
  // std::max(u, NaN) keeps u and would hide a diverged run from the state plots.
  auto adamax = makeOptimizer("adamax");
  auto amsgrad = makeOptimizer("adam:amsgrad=true");
  adamax->init(2);
  amsgrad->init(2);
  Eigen::VectorXd p = Eigen::VectorXd::Ones(2), q = p;
  const Eigen::VectorXd fine = Eigen::VectorXd::Ones(2);
  Eigen::VectorXd broken = fine;
  broken[1] = std::nan("");
  adamax->step(p, fine);
  amsgrad->step(q, fine);
  adamax->step(p, broken);
  amsgrad->step(q, broken);
  CHECK(std::isfinite(stateOf(*adamax, "u")[0]));
  CHECK(std::isnan(stateOf(*adamax, "u")[1]));
  CHECK(std::isfinite(stateOf(*amsgrad, "vmax")[0]));
  CHECK(std::isnan(stateOf(*amsgrad, "vmax")[1]));
}

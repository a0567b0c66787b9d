// η_eff of the optimizers added after the torch classics: multiplied with the direction that
// effectiveLrTarget() names, rebuilt from the exposed state, it must reproduce the update.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr Eigen::Index kSize = 5;
// The update is recovered as p_after − p_before, which cancels digits of p.
constexpr double kTolerance = 1e-10;

// Steps `spec` with wavy gradients; from step `firstChecked` on, compares the update with
// −η_eff ⊙ direction(optimizer, gradient, t).
using Direction = std::function<Eigen::VectorXd(const Optimizer&, const Eigen::VectorXd&, int)>;

void checkUpdateIsEtaTimesDirection(const std::string& spec, std::string_view target,
                                    const Direction& direction, int firstChecked = 1) {
  INFO(spec);
  auto optimizer = makeOptimizer(spec);
  CHECK(optimizer->effectiveLrTarget() == target);
  optimizer->init(kSize);
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0);
  for (int t = 1; t <= 12; ++t) {
    INFO("step " << t);
    const Eigen::VectorXd g = wavyGradient(kSize, t), before = p;
    optimizer->step(p, g);
    if (t < firstChecked) continue;
    const Eigen::VectorXd predicted =
        -optimizer->effectiveLr().cwiseProduct(direction(*optimizer, g, t));
    CHECK(maxRelativeError(p - before, predicted) < kTolerance);
  }
}

Direction mHat(double beta1) {
  return [beta1](const Optimizer& o, const Eigen::VectorXd&, int t) {
    return Eigen::VectorXd(stateOf(o, "m") / (1.0 - std::pow(beta1, t)));
  };
}

}  // namespace

TEST_CASE("radam's effective lr times m_hat is its update") {
  checkUpdateIsEtaTimesDirection("radam:lr=0.01", "m̂", mHat(0.9));
}

TEST_CASE("yogi's effective lr times m_hat is its update") {
  checkUpdateIsEtaTimesDirection("yogi:lr=0.01", "m̂", mHat(0.9));
}

TEST_CASE("adabelief's effective lr times m_hat is its update in every mode") {
  for (const char* spec :
       {"adabelief:lr=0.01", "adabelief:lr=0.01,rectify=false",
        "adabelief:lr=0.01,rectify=false,amsgrad=true", "adabelief:lr=0.01,eps=1e-8"})
    checkUpdateIsEtaTimesDirection(spec, "m̂", mHat(0.9));
}

TEST_CASE("adabound's effective lr times m is its update") {
  for (const char* spec : {"adabound:lr=0.01", "adabound:lr=0.01,final_lr=0.05,gamma=0.5",
                           "adabound:lr=0.01,amsbound=true"})
    checkUpdateIsEtaTimesDirection(
        spec, "m", [](const Optimizer& o, const Eigen::VectorXd&, int) { return stateOf(o, "m"); });
}

TEST_CASE("asgd's effective lr times d is its update without decay") {
  checkUpdateIsEtaTimesDirection("asgd:lr=0.01,lambd=0", "d",
                                 [](const Optimizer&, const Eigen::VectorXd& g, int) { return g; });
}

TEST_CASE("rprop's effective lr times sign(d) is its update") {
  // prev holds d after the step: 0 where a sign change suppressed the move.
  checkUpdateIsEtaTimesDirection("rprop:lr=0.01", "sign(d)",
                                 [](const Optimizer& o, const Eigen::VectorXd&, int) {
                                   return Eigen::VectorXd(stateOf(o, "prev").array().sign());
                                 });
}

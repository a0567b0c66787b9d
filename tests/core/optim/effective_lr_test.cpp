// η_eff (OPTIMIZERS.md §1.13) is what the GUI plots, so two things are checked for each
// optimizer: it equals its defining formula evaluated from the exposed state, and
// multiplying it with the named direction reproduces the parameter update actually made.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr Eigen::Index kSize = 6;
constexpr double kFormulaTolerance = 1e-14;
// The update is recovered as p_after - p_before, which cancels digits of p.
constexpr double kUpdateTolerance = 1e-10;

struct Stepper {
  std::unique_ptr<Optimizer> optimizer;
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0);
  Eigen::VectorXd before, gradient;
  int k = 0;

  explicit Stepper(std::string_view spec) : optimizer(makeOptimizer(spec)) {
    optimizer->init(kSize);
  }
  void step() {
    before = p;
    gradient = wavyGradient(kSize, k++);
    optimizer->step(p, gradient);
  }
  Eigen::VectorXd update() const { return p - before; }
  const Eigen::VectorXd& eta() const { return optimizer->effectiveLr(); }
};

}  // namespace

TEST_CASE("adagrad: η_eff = lr/(1+(t-1)·lr_decay)/(sqrt(sum)+eps) on d") {
  Stepper s("adagrad:lr=0.1,lr_decay=0.05,initial_accumulator_value=0.2,eps=1e-3");
  CHECK(s.optimizer->effectiveLrTarget() == "d");
  for (int t = 1; t <= 6; ++t) {
    s.step();
    INFO("t = " << t);
    const double clr = 0.1 / (1.0 + (t - 1) * 0.05);
    const Eigen::VectorXd sum = stateOf(*s.optimizer, "sum");
    const Eigen::VectorXd expected = clr / (sum.array().sqrt() + 1e-3);
    CHECK(maxRelativeError(s.eta(), expected) <= kFormulaTolerance);
    CHECK(maxRelativeError(s.update(), -s.eta().cwiseProduct(s.gradient)) <= kUpdateTolerance);
  }
}

TEST_CASE("rmsprop: η_eff = lr/(sqrt(ṽ)+eps) on d, plain and centered") {
  for (const bool centered : {false, true}) {
    Stepper s(centered ? "rmsprop:lr=0.01,alpha=0.9,centered=true" : "rmsprop:lr=0.01,alpha=0.9");
    INFO("centered " << centered);
    CHECK(s.optimizer->effectiveLrTarget() == "d");
    for (int t = 1; t <= 6; ++t) {
      s.step();
      const Eigen::VectorXd v = stateOf(*s.optimizer, "v");
      Eigen::VectorXd variance = v;
      if (centered) variance -= stateOf(*s.optimizer, "grad_avg").cwiseAbs2();
      const Eigen::VectorXd expected = 0.01 / (variance.array().sqrt() + 1e-8);
      CHECK(maxRelativeError(s.eta(), expected) <= 1e-12);  // v - ga² is not fused here
      CHECK(maxRelativeError(s.update(), -s.eta().cwiseProduct(s.gradient)) <= kUpdateTolerance);
    }
  }
}

TEST_CASE("rmsprop with momentum: the buffer integrates (η_eff/lr)·d, lr multiplies it") {
  Stepper s("rmsprop:lr=0.01,momentum=0.8");
  CHECK(s.optimizer->effectiveLrTarget() == "d, accumulated in momentum_buffer");
  Eigen::VectorXd previous = Eigen::VectorXd::Zero(kSize);
  for (int t = 1; t <= 6; ++t) {
    s.step();
    const Eigen::VectorXd buffer = stateOf(*s.optimizer, "momentum_buffer");
    const Eigen::VectorXd expected = 0.8 * previous + (s.eta() / 0.01).cwiseProduct(s.gradient);
    CHECK(maxRelativeError(buffer, expected) <= 1e-12);
    CHECK(maxRelativeError(s.update(), -0.01 * buffer) <= kUpdateTolerance);
    previous = buffer;
  }
}

TEST_CASE("adadelta: η_eff = lr·sqrt(u_{t-1}+eps)/sqrt(v_t+eps) on d") {
  Stepper s("adadelta:lr=0.5,rho=0.8,eps=1e-4");
  CHECK(s.optimizer->effectiveLrTarget() == "d");
  for (int t = 1; t <= 6; ++t) {
    const Eigen::VectorXd uBefore = stateOf(*s.optimizer, "u");
    s.step();
    const Eigen::VectorXd v = stateOf(*s.optimizer, "v");
    const Eigen::VectorXd expected =
        0.5 * (uBefore.array() + 1e-4).sqrt() / (v.array() + 1e-4).sqrt();
    CHECK(maxRelativeError(s.eta(), expected) <= kFormulaTolerance);
    CHECK(maxRelativeError(s.update(), -s.eta().cwiseProduct(s.gradient)) <= kUpdateTolerance);
  }
}

TEST_CASE("adam: η_eff = lr/(sqrt(v̂)+eps) on m̂, with and without AMSGrad") {
  for (const bool amsgrad : {false, true}) {
    Stepper s(amsgrad ? "adam:lr=0.02,beta1=0.8,beta2=0.95,eps=1e-3,amsgrad=true"
                      : "adam:lr=0.02,beta1=0.8,beta2=0.95,eps=1e-3");
    INFO("amsgrad " << amsgrad);
    CHECK(s.optimizer->effectiveLrTarget() == "m̂");
    for (int t = 1; t <= 8; ++t) {
      s.step();
      const double bc1 = 1.0 - std::pow(0.8, t), bc2 = 1.0 - std::pow(0.95, t);
      const Eigen::VectorXd second = stateOf(*s.optimizer, amsgrad ? "vmax" : "v");
      const Eigen::VectorXd vHat = second / bc2;
      const Eigen::VectorXd expected = 0.02 / (vHat.array().sqrt() + 1e-3);
      const Eigen::VectorXd mHat = stateOf(*s.optimizer, "m") / bc1;
      CHECK(maxRelativeError(s.eta(), expected) <= 1e-13);  // sqrt(v/bc2) vs sqrt(v)/sqrt(bc2)
      CHECK(maxRelativeError(s.update(), -s.eta().cwiseProduct(mHat)) <= kUpdateTolerance);
    }
  }
}

TEST_CASE("adamw: η_eff as adam, on top of the decay 1 - lr·wd") {
  Stepper s("adamw:lr=0.02,weight_decay=0.5");
  CHECK(s.optimizer->effectiveLrTarget() == "m̂");
  for (int t = 1; t <= 8; ++t) {
    s.step();
    const double bc1 = 1.0 - std::pow(0.9, t), bc2 = 1.0 - std::pow(0.999, t);
    const Eigen::VectorXd vHat = stateOf(*s.optimizer, "v") / bc2;
    const Eigen::VectorXd mHat = stateOf(*s.optimizer, "m") / bc1;
    CHECK(maxRelativeError(s.eta(), 0.02 / (vHat.array().sqrt() + 1e-8)) <= 1e-13);
    const Eigen::VectorXd decayed = s.before * (1.0 - 0.02 * 0.5);
    CHECK(maxRelativeError(s.p - decayed, -s.eta().cwiseProduct(mHat)) <= kUpdateTolerance);
  }
}

TEST_CASE("adamax: η_eff = lr/(1-β1^t)/u on m") {
  Stepper s("adamax:lr=0.02,beta1=0.7,beta2=0.9");
  CHECK(s.optimizer->effectiveLrTarget() == "m");
  for (int t = 1; t <= 8; ++t) {
    s.step();
    const Eigen::VectorXd u = stateOf(*s.optimizer, "u");
    const double clr = 0.02 / (1.0 - std::pow(0.7, t));
    CHECK(maxRelativeError(s.eta(), clr / u.array()) <= kFormulaTolerance);
    const Eigen::VectorXd m = stateOf(*s.optimizer, "m");
    CHECK(maxRelativeError(s.update(), -s.eta().cwiseProduct(m)) <= kUpdateTolerance);
  }
}

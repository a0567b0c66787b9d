// NAdam's `fixed` option has no torch 1.13 counterpart (1.13 has the double-μ_t bug), so the
// parity data cannot check it. Here both variants are recomputed from the formulas of
// OPTIMIZERS.md §1.8, written out plainly (no fma), for two steps.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr double kLr = 0.01, kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-8, kPsi = 4e-3;

// One coordinate of NAdam driven by a fixed gradient sequence, as the paper and the fixed
// torch write it: Π' = Π_t·μ_{t+1}, or with 1.13's bug Π' = Π_t·μ_t·μ_{t+1}. Π is a float32.
struct HandNadam {
  bool bug;
  double p, m = 0.0, v = 0.0;
  float muProduct = 1.0f;

  void step(int t, double g) {
    const double mu = kBeta1 * (1.0 - 0.5 * std::pow(0.96, t * kPsi));
    const double muNext = kBeta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1) * kPsi));
    muProduct = muProduct * static_cast<float>(mu);
    const double muProductNext =
        bug ? static_cast<double>(muProduct * static_cast<float>(mu) * static_cast<float>(muNext))
            : static_cast<double>(muProduct) * muNext;
    m = kBeta1 * m + (1.0 - kBeta1) * g;
    v = kBeta2 * v + (1.0 - kBeta2) * g * g;
    const double vHat = v / (1.0 - std::pow(kBeta2, t));
    const double den = std::sqrt(vHat) + kEps;
    p -= kLr * (1.0 - mu) / (1.0 - muProduct) * g / den;
    p -= kLr * muNext / (1.0 - muProductNext) * m / den;
  }
};

Eigen::VectorXd runNadam(bool fixed, const Eigen::VectorXd& start,
                         const std::vector<Eigen::VectorXd>& grads) {
  auto nadam = makeOptimizer(std::string("nadam:lr=0.01,fixed=") + (fixed ? "true" : "false"));
  Eigen::VectorXd p = start;
  nadam->init(p.size());
  for (const auto& g : grads) nadam->step(p, g);
  return p;
}

}  // namespace

TEST_CASE("nadam fixed=true follows the paper's mu product over two steps") {
  const Eigen::VectorXd start = Eigen::Vector2d(0.5, -1.0);
  const std::vector<Eigen::VectorXd> grads{Eigen::Vector2d(0.3, -2.0), Eigen::Vector2d(-0.1, 0.7)};
  for (const bool fixed : {true, false}) {
    INFO("fixed=" << fixed);
    Eigen::VectorXd expected(2);
    for (Eigen::Index i = 0; i < 2; ++i) {
      HandNadam hand{!fixed, start[i]};
      hand.step(1, grads[0][i]);
      hand.step(2, grads[1][i]);
      expected[i] = hand.p;
    }
    const Eigen::VectorXd ours = runNadam(fixed, start, grads);
    CHECK(maxRelativeError(ours, expected) < 1e-14);
  }
}

TEST_CASE("nadam's fixed option changes the step from the first update on") {
  // With the bug, 1 − Π' is larger, so the momentum term is damped: fixed moves further.
  const Eigen::VectorXd start = Eigen::Vector2d(0.5, -1.0);
  const std::vector<Eigen::VectorXd> grads{Eigen::Vector2d(0.3, -2.0)};
  const Eigen::VectorXd buggy = runNadam(false, start, grads);
  const Eigen::VectorXd fixed = runNadam(true, start, grads);
  for (Eigen::Index i = 0; i < 2; ++i) {
    CHECK(std::abs(fixed[i] - start[i]) > std::abs(buggy[i] - start[i]));
    CHECK((fixed[i] - start[i]) * (buggy[i] - start[i]) > 0.0);  // same direction
  }
}

TEST_CASE("nadam's effective lr is the common factor lr/(sqrt(v_hat)+eps)") {
  auto nadam = makeOptimizer("nadam:lr=0.01");
  Eigen::VectorXd p = Eigen::Vector2d(0.5, -1.0);
  nadam->init(2);
  const Eigen::Vector2d g(0.3, -2.0);
  nadam->step(p, g);
  // After one step v = (1−β2)·g², so v̂ = g² and the factor is lr/(|g|+eps).
  for (Eigen::Index i = 0; i < 2; ++i)
    CHECK(nadam->effectiveLr()[i] == Approx(kLr / (std::abs(g[i]) + kEps)).epsilon(1e-12));
  CHECK(nadam->momentumKind() == MomentumKind::Beta1);
  CHECK(nadam->momentum() == kBeta1);
}

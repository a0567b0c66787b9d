// The step inspector (issue 15 item 4): every optimizer's own recipe, evaluated against its
// state before a step, must give bit for bit what the step then does: the new parameters,
// Δθ, η_eff and the new state vectors. Checked for every optimizer of the catalog with its
// options, along 40 steps with a changing lr (as a schedule would change it).
#include "core/optim/update_explanation.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;

namespace {

const std::vector<std::string> kSpecs = {
    "sgd:lr=0.05",
    "sgd:lr=0.01,momentum=0.9,nesterov=true,weight_decay=0.1",
    "sgd:lr=0.01,momentum=0.8,dampening=0.3,maximize=true",
    "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,weight_decay=0.05",
    "rmsprop:lr=0.01",
    "rmsprop:lr=0.01,momentum=0.5,centered=true,weight_decay=0.1,maximize=true",
    "adadelta:lr=1,rho=0.9,weight_decay=0.1",
    "adam:lr=0.05",
    "adam:lr=0.05,amsgrad=true,weight_decay=0.01,maximize=true",
    "adamw:lr=0.05,weight_decay=0.1,amsgrad=true",
    "adamax:lr=0.05,weight_decay=0.1",
    "nadam:lr=0.05,momentum_decay=0.01,weight_decay=0.1",
    "nadam:lr=0.05,fixed=true",
    "radam:lr=0.01,weight_decay=0.1",  // steps 1-5 un-adapted, then rectified
    "asgd:lr=0.01,t0=5,weight_decay=0.1",
    "asgd:lr=0.01",
    "rprop:lr=0.01",
    "rprop:lr=0.01,eta_minus=0.3,eta_plus=1.5,step_min=0.001,step_max=0.05,maximize=true",
    "lion:lr=0.01,weight_decay=0.1",
    "adabelief:lr=0.05",
    "adabelief:lr=0.05,amsgrad=true,rectify=false,weight_decouple=false,weight_decay=0.1",
    "adabelief:lr=0.05,fixed_decay=true,weight_decay=0.1",
    "adabelief:lr=0.05,degenerated_to_sgd=false",  // no step at all until rectified
    "yogi:lr=0.05,weight_decay=0.1",
    "adabound:lr=0.05",
    "adabound:lr=0.05,amsbound=true,weight_decay=0.1",
    "chain:blocks=[add_decayed_weights(weight_decay=0.01),scale_by_adam,"
    "scale_by_learning_rate(lr=0.05)]",
};

bool sameBits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

void requireSameBits(const std::vector<double>& explained, const Eigen::VectorXd& actual,
                     const std::string& what) {
  INFO(what);
  REQUIRE(explained.size() == static_cast<std::size_t>(actual.size()));
  for (Eigen::Index i = 0; i < actual.size(); ++i) {
    INFO("parameter " << i << ": " << explained[i] << " vs " << actual[i]);
    REQUIRE(sameBits(explained[i], actual[i]));
  }
}

}  // namespace

TEST_CASE("every optimizer explains its step: θ', Δθ, η_eff and the state, bit for bit") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    bool covered = false;
    for (const std::string& spec : kSpecs)
      covered = covered || parseOptimizerSpec(spec).name == info.name;
    INFO(info.name);
    CHECK(covered);
  }
  for (const std::string& spec : kSpecs) {
    INFO(spec);
    auto optimizer = makeOptimizer(spec), untouched = makeOptimizer(spec);
    optimizer->init(5);
    untouched->init(5);
    Eigen::VectorXd p(5), q(5);
    p << 1.5, -0.7, 0.0, 3.0, -2.0;
    q = p;
    for (int k = 1; k <= 40; ++k) {
      INFO("step " << k);
      const Eigen::VectorXd g = testing::wavyGradient(5, k) + 0.2 * p;
      const UpdateExplanation e = explainStep(*optimizer, p, g);
      CHECK(e.step == k);
      // The optimizer's own recipe, not the whole-step fallback; a chain has no recipe of its
      // own (its blocks vary), so it is explained as the whole step and says so.
      CHECK(e.stepwise == (std::string(optimizer->name()) != "chain"));
      CHECK(e.optimizer == std::string(optimizer->name()));
      requireSameBits(e.find("g")->values, g, "g");
      const Eigen::VectorXd before = p;
      optimizer->step(p, g);
      requireSameBits(e.find("θ'")->values, p, "θ'");
      requireSameBits(e.find("Δθ")->values, p - before, "Δθ");
      requireSameBits(e.find("η_eff")->values, optimizer->effectiveLr(), "η_eff");
      for (const StateView& state : optimizer->state()) {
        const ExplainedLine* line = e.find(state.name);
        if (line) requireSameBits(line->values, *state.values, std::string(state.name));
      }
      // Explaining changed nothing: an optimizer never asked steps to the same point.
      untouched->step(q, g);
      REQUIRE(q == p);
      for (auto* o : {optimizer.get(), untouched.get()}) o->setLr(o->lr() * 0.98);
    }
  }
}

TEST_CASE(
    "an explanation reads as the update's math, with scalars once and the rest per parameter") {
  auto adam = makeOptimizer("adam:lr=0.1,beta1=0.8");
  adam->init(2);
  Eigen::VectorXd p(2), g(2);
  p << 1.0, -1.0;
  g << 0.5, -2.0;
  adam->step(p, g);
  const UpdateExplanation e = explainStep(*adam, p, g);
  CHECK(e.step == 2);
  std::vector<std::string> symbols;
  for (const ExplainedLine& line : e.lines) symbols.push_back(line.symbol);
  const std::vector<std::string> expected = {"θ",   "g",   "lr",     "β1",    "β2", "ε", "t",
                                             "bc1", "bc2", "lr/bc1", "√bc2",  "d",  "m", "v",
                                             "m",   "v",   "den",    "η_eff", "θ'", "Δθ"};
  CHECK(symbols == expected);
  const ExplainedLine* bc1 = e.find("bc1");
  REQUIRE(bc1);
  CHECK_FALSE(bc1->perParameter);
  CHECK(bc1->values == std::vector<double>{1.0 - 0.8 * 0.8});
  CHECK(e.find("m")->formula == "β1·m + (1−β1)·d");
  CHECK(e.find("m")->values.size() == 2);
  CHECK(e.find("nosuch") == nullptr);
}

namespace {

// An optimizer without a recipe of its own: p -= lr·g·|g|.
class Undescribed final : public OptimizerBase<Undescribed> {
 public:
  std::string_view name() const override { return "undescribed"; }
  std::string_view effectiveLrTarget() const override { return "g"; }
  std::vector<StateView> state() const override { return {}; }

 protected:
  void applyHyperparameters(const ParamValues&) override {}
  void allocate(Eigen::Index) override {}
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override {
    for (Eigen::Index i = 0; i < p.size(); ++i) p[i] -= lr() * g[i] * std::abs(g[i]);
    m_last = g;
  }
  void computeEffectiveLr(Eigen::VectorXd& out) const override {
    for (Eigen::Index i = 0; i < out.size(); ++i) out[i] = lr() * std::abs(m_last[i]);
  }

 private:
  Eigen::VectorXd m_last;
};

}  // namespace

TEST_CASE("an optimizer without a recipe is explained as a whole step") {
  Undescribed optimizer;
  ParamValues values;
  values.setNumber("lr", 0.5);
  optimizer.setHyperparameters(values);
  optimizer.init(2);
  Eigen::VectorXd p(2), g(2);
  p << 1.0, 2.0;
  g << 3.0, -1.0;
  const UpdateExplanation e = explainStep(optimizer, p, g);
  CHECK_FALSE(e.stepwise);
  CHECK(optimizer.steps() == 0);  // explaining stepped a copy
  optimizer.step(p, g);
  requireSameBits(e.find("θ'")->values, p, "θ'");
  requireSameBits(e.find("η_eff")->values, optimizer.effectiveLr(), "η_eff");
  CHECK(e.find("Δθ")->values == std::vector<double>{-4.5, 0.5});
}

TEST_CASE("explainStep refuses parameters of the wrong size") {
  auto sgd = makeOptimizer("sgd:lr=0.1");
  sgd->init(3);
  CHECK_THROWS_AS(explainStep(*sgd, Eigen::VectorXd::Zero(2), Eigen::VectorXd::Zero(3)),
                  std::invalid_argument);
  CHECK_THROWS_AS(explainStep(*sgd, Eigen::VectorXd::Zero(3), Eigen::VectorXd::Zero(4)),
                  std::invalid_argument);
}

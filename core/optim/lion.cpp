#include "core/optim/lion.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/torch_scalars.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
OptimizerInfo Lion::describe() {
  return {"lion",
          "sign of an interpolated momentum: every coordinate moves by exactly lr",
          "Chen et al., Symbolic Discovery of Optimization Algorithms, arXiv:2302.06675",
          {learningRateParam(1e-4, "learning rate (3-10x smaller than AdamW's)"),
           betaParam("beta1", 0.9, "interpolation between m and g that sets the sign of the step"),
           betaParam("beta2", 0.99, "decay of the momentum m"),
           nonNegativeParam("weight_decay", 0.0, "decoupled decay: p *= 1 - lr*wd")},
          [] { return std::make_unique<Lion>(); }};
}

std::vector<StateView> Lion::state() const { return {{"m", &m_m}}; }

void Lion::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_weightDecay = v.real("weight_decay");
}

void Lion::allocate(Eigen::Index n) { m_m = Eigen::VectorXd::Zero(n); }

void Lion::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2;
  const double decay = 1.0 - lr * m_weightDecay;
  m_lastLr = lr;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    p[i] = p[i] * decay;
    const double interpolated = std::fma(1.0 - beta1, g[i], m_m[i] * beta1);
    p[i] = std::fma(-lr, torchSign(interpolated), p[i]);
    m_m[i] = std::fma(1.0 - beta2, g[i], m_m[i] * beta2);
  }
}

void Lion::computeEffectiveLr(Eigen::VectorXd& out) const { kernels::fillConstant(out, m_lastLr); }

void Lion::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2;
  const double decay = 1.0 - lr * m_weightDecay;
  r.scalar("lr", "learning rate", lr).scalar("β1", "interpolation of the step", beta1);
  r.scalar("β2", "decay of m", beta2).scalar("wd", "decoupled weight decay", m_weightDecay);
  r.input("m", "before the step", m_m);
  r.line("θ", "θ·(1 − lr·wd)", [=](const RecipeRow& e) { return e["θ"] * decay; });
  r.line("c", "β1·m + (1−β1)·g",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["g"], e["m"] * beta1); });
  r.line("η_eff", "lr", [=](const RecipeRow&) { return lr; });
  r.line("θ'", "θ − lr·sign(c)",
         [=](const RecipeRow& e) { return std::fma(-lr, torchSign(e["c"]), e["θ"]); });
  r.line("m", "β2·m + (1−β2)·g",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta2, e["g"], e["m"] * beta2); });
}

}  // namespace optiscope

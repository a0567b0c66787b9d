#include "core/optim/radam.h"

#include <algorithm>
#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/torch_scalars.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
OptimizerInfo Radam::describe() {
  return {"radam",
          "Adam whose adaptive step is switched on and rectified by the variance of v",
          "Liu et al., On the Variance of the Adaptive Learning Rate and Beyond, ICLR 2020",
          {learningRateParam(1e-3), betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "decay of the second moment v"),
           positiveParam("eps", 1e-8, "added to sqrt(v) (not bias-corrected)"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient")},
          [] { return std::make_unique<Radam>(); }};
}

std::vector<StateView> Radam::state() const { return {{"m", &m_m}, {"v", &m_v}}; }

void Radam::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
}

void Radam::allocate(Eigen::Index n) {
  m_m = Eigen::VectorXd::Zero(n);
  m_v = Eigen::VectorXd::Zero(n);
}

void Radam::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, wd = m_weightDecay;
  const double t = torchStepCount(m_steps);
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double rhoInf = 2.0 / (1.0 - beta2) - 1.0;
  const double rhoT = rhoInf - 2.0 * t * std::pow(beta2, t) / bc2;
  const bool adapted = rhoT > 5.0;
  const double rect = adapted ? std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf /
                                          ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT))
                              : 0.0;
  const double sqrtBc2 = std::sqrt(bc2);
  m_last = {lr, m_eps, sqrtBc2, rect, adapted};
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    m_v[i] = std::fma((1.0 - beta2) * d, d, m_v[i] * beta2);
    const double mHat = m_m[i] / bc1;
    if (adapted) {
      // torch evaluates `scalar / tensor` as reciprocal-then-multiply: two roundings.
      const double adaptiveLr = (1.0 / (std::sqrt(m_v[i]) + m_eps)) * sqrtBc2;
      p[i] = p[i] - ((mHat * lr) * adaptiveLr) * rect;
    } else {
      p[i] = p[i] - mHat * lr;
    }
  }
}

void Radam::computeEffectiveLr(Eigen::VectorXd& out) const {
  if (!m_last.adapted) {
    kernels::fillConstant(out, m_last.lr);
    return;
  }
  for (Eigen::Index i = 0; i < out.size(); ++i) {
    const double adaptiveLr = (1.0 / (std::sqrt(m_v[i]) + m_last.eps)) * m_last.sqrtBc2;
    out[i] = m_last.lr * adaptiveLr * m_last.rect;
  }
}

void Radam::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double t = torchStepCount(m_steps);
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double rhoInf = 2.0 / (1.0 - beta2) - 1.0;
  const double rhoT = rhoInf - 2.0 * t * std::pow(beta2, t) / bc2;
  const bool adapted = rhoT > 5.0;
  const double rect = adapted ? std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf /
                                          ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT))
                              : 0.0;
  const double sqrtBc2 = std::sqrt(bc2);
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of v", beta2).scalar("ε", "added to √v", eps).scalar("t", "step", t);
  r.scalar("bc1", "1 − β1^t", bc1).scalar("bc2", "1 − β2^t", bc2);
  r.scalar("ρ∞", "2/(1 − β2) − 1", rhoInf).scalar("ρ_t", "ρ∞ − 2·t·β2^t / bc2", rhoT);
  describeDirection(r, false, m_weightDecay);
  r.input("m", "before the step", m_m).input("v", "before the step", m_v);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("v", "β2·v + (1−β2)·d²", [=](const RecipeRow& e) {
    return std::fma((1.0 - beta2) * e["d"], e["d"], e["v"] * beta2);
  });
  r.line("m̂", "m / bc1", [=](const RecipeRow& e) { return e["m"] / bc1; });
  if (!adapted) {
    r.line("η_eff", "lr (ρ_t ≤ 5: an un-adapted momentum step)",
           [=](const RecipeRow&) { return lr; });
    r.line("θ'", "θ − lr·m̂", [=](const RecipeRow& e) { return e["θ"] - e["m̂"] * lr; });
    return;
  }
  r.scalar("r", "√((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t))", rect)
      .scalar("√bc2", "√(1 − β2^t)", sqrtBc2);
  r.line("a", "√bc2 / (√v + ε)",
         [=](const RecipeRow& e) { return (1.0 / (std::sqrt(e["v"]) + eps)) * sqrtBc2; });
  r.line("η_eff", "lr·a·r", [=](const RecipeRow& e) { return lr * e["a"] * rect; });
  r.line("θ'", "θ − lr·m̂·a·r",
         [=](const RecipeRow& e) { return e["θ"] - ((e["m̂"] * lr) * e["a"]) * rect; });
}

}  // namespace optiscope

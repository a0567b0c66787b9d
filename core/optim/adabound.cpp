#include "core/optim/adabound.h"

#include <algorithm>
#include <cmath>

#include "core/optim/adam_common.h"
#include "core/optim/update_recipe.h"

namespace optiscope {

OptimizerInfo AdaBound::describe() {
  return {"adabound",
          "Adam with per-element rates clipped into bounds that converge to SGD's final_lr",
          "Luo et al., Adaptive Gradient Methods with Dynamic Bound of Learning Rate, ICLR 2019",
          // lr > 0: it is base_lr, the divisor that lets schedules scale final_lr.
          {positiveParam("lr", 1e-3, "learning rate (Adam phase); also base_lr"),
           betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "decay of the second moment v"),
           nonNegativeParam("final_lr", 0.1, "the SGD rate both bounds converge to"),
           realParam("gamma", 1e-3, "convergence speed of the bounds", 0.0, 1.0, true, false),
           positiveParam("eps", 1e-8, "added to sqrt(v) in the denominator"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("amsbound", false, "normalise by the running maximum of v")},
          [] { return std::make_unique<AdaBound>(); }};
}

std::vector<StateView> AdaBound::state() const {
  if (m_amsbound) return {{"m", &m_m}, {"v", &m_v}, {"vmax", &m_vmax}};
  return {{"m", &m_m}, {"v", &m_v}};
}

void AdaBound::applyHyperparameters(const ParamValues& v) {
  m_baseLr = v.real("lr");
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_finalLr = v.real("final_lr");
  m_gamma = v.real("gamma");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_amsbound = v.flag("amsbound");
}

void AdaBound::allocate(Eigen::Index n) {
  m_m = Eigen::VectorXd::Zero(n);
  m_v = Eigen::VectorXd::Zero(n);
  m_vmax = Eigen::VectorXd::Zero(n);  // always, so amsbound can be switched on mid-run
}

void AdaBound::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, wd = m_weightDecay;
  const double t = static_cast<double>(m_steps + 1);  // a Python int in the reference
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double stepSize = lr * std::sqrt(bc2) / bc1;
  const double finalLr = m_finalLr * lr / m_baseLr;
  const double lower = finalLr * (1.0 - 1.0 / (m_gamma * t + 1.0));
  const double upper = finalLr * (1.0 + 1.0 / (m_gamma * t));
  m_last = {stepSize, lower, upper, m_eps, m_amsbound};
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    m_v[i] = std::fma((1.0 - beta2) * d, d, m_v[i] * beta2);
    if (m_amsbound) m_vmax[i] = nanPropagatingMax(m_vmax[i], m_v[i]);
    const double den = std::sqrt(m_amsbound ? m_vmax[i] : m_v[i]) + m_eps;
    const double eta = std::min(std::max(stepSize / den, lower), upper);
    p[i] = p[i] + -(eta * m_m[i]);
  }
}

void AdaBound::computeEffectiveLr(Eigen::VectorXd& out) const {
  const Eigen::VectorXd& second = m_last.amsbound ? m_vmax : m_v;
  for (Eigen::Index i = 0; i < out.size(); ++i) {
    const double den = std::sqrt(second[i]) + m_last.eps;
    out[i] = std::min(std::max(m_last.stepSize / den, m_last.lower), m_last.upper);
  }
}

void AdaBound::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double t = static_cast<double>(m_steps + 1);
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double stepSize = lr * std::sqrt(bc2) / bc1;
  const double finalLr = m_finalLr * lr / m_baseLr;
  const double lower = finalLr * (1.0 - 1.0 / (m_gamma * t + 1.0));
  const double upper = finalLr * (1.0 + 1.0 / (m_gamma * t));
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of v", beta2).scalar("ε", "added to √v", eps).scalar("t", "step", t);
  r.scalar("α", "lr·√(1 − β2^t) / (1 − β1^t)", stepSize);
  r.scalar("final_lr", "final_lr·lr / base_lr", finalLr);
  r.scalar("lower", "final_lr·(1 − 1/(γ·t + 1))", lower);
  r.scalar("upper", "final_lr·(1 + 1/(γ·t))", upper);
  describeDirection(r, false, m_weightDecay);
  r.input("m", "before the step", m_m).input("v", "before the step", m_v);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("v", "β2·v + (1−β2)·d²", [=](const RecipeRow& e) {
    return std::fma((1.0 - beta2) * e["d"], e["d"], e["v"] * beta2);
  });
  const char* second = "v";
  if (m_amsbound) {
    r.input("vmax", "before the step", m_vmax);
    r.line("vmax", "max(vmax, v) (AMSBound)",
           [](const RecipeRow& e) { return nanPropagatingMax(e["vmax"], e["v"]); });
    second = "vmax";
  }
  r.line("den", std::string("√") + second + " + ε",
         [=](const RecipeRow& e) { return std::sqrt(e[second]) + eps; });
  r.line("η_eff", "clamp(α / den, lower, upper)",
         [=](const RecipeRow& e) { return std::min(std::max(stepSize / e["den"], lower), upper); });
  r.line("θ'", "θ − η_eff·m", [](const RecipeRow& e) { return e["θ"] + -(e["η_eff"] * e["m"]); });
}

}  // namespace optiscope

#include "core/optim/nadam.h"

#include <algorithm>
#include <cmath>

#include "core/optim/torch_scalars.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
OptimizerInfo Nadam::describe() {
  return {"nadam",
          "Adam with Nesterov momentum and a warming-up momentum schedule",
          "Dozat, Incorporating Nesterov Momentum into Adam, ICLR 2016 workshop",
          {learningRateParam(2e-3),
           betaParam("beta1", 0.9, "decay of the first moment m (the momentum)"),
           betaParam("beta2", 0.999, "decay of the second moment v"),
           positiveParam("eps", 1e-8, "added to sqrt(v̂) in the denominator"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           nonNegativeParam("momentum_decay", 4e-3, "ψ of the momentum schedule μ_t"),
           boolParam("fixed", false,
                     "use the paper's Π·μ_{t+1} instead of torch 1.13's Π·μ_t·μ_{t+1}")},
          [] { return std::make_unique<Nadam>(); }};
}

std::string_view Nadam::effectiveLrTarget() const {
  return "(1-mu_t)/(1-mu_product)*d + mu_next/(1-mu_product_next)*m";
}

std::vector<StateView> Nadam::state() const { return {{"m", &m_m}, {"v", &m_v}}; }

void Nadam::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_momentumDecay = v.real("momentum_decay");
  m_fixed = v.flag("fixed");
}

void Nadam::allocate(Eigen::Index n) {
  m_m = Eigen::VectorXd::Zero(n);
  m_v = Eigen::VectorXd::Zero(n);
  m_muProduct = 1.0f;
}

void Nadam::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, wd = m_weightDecay;
  const double t = torchStepCount(m_steps);
  const double bc2 = 1.0 - std::pow(beta2, t);
  m_last = {lr, bc2, m_eps};
  const double mu = beta1 * (1.0 - 0.5 * std::pow(0.96, t * m_momentumDecay));
  const double muNext = beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * m_momentumDecay));
  // torch multiplies the float32 tensor by the scalar rounded to float32, in float32.
  m_muProduct = m_muProduct * static_cast<float>(mu);
  const double muProductNext =
      m_fixed
          ? static_cast<double>(m_muProduct) * muNext
          : static_cast<double>(m_muProduct * static_cast<float>(mu) * static_cast<float>(muNext));
  const double gradCoef = (-lr * (1.0 - mu)) / (1.0 - static_cast<double>(m_muProduct));
  const double momentumCoef = (-lr * muNext) / (1.0 - muProductNext);
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    m_v[i] = std::fma((1.0 - beta2) * d, d, m_v[i] * beta2);
    const double den = std::sqrt(m_v[i] / bc2) + m_eps;
    p[i] = p[i] + (gradCoef * d) / den;
    p[i] = p[i] + (momentumCoef * m_m[i]) / den;
  }
}

void Nadam::computeEffectiveLr(Eigen::VectorXd& out) const {
  for (Eigen::Index i = 0; i < out.size(); ++i)
    out[i] = m_last.lr / (std::sqrt(m_v[i] / m_last.bc2) + m_last.eps);
}

void Nadam::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double t = torchStepCount(m_steps);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double mu = beta1 * (1.0 - 0.5 * std::pow(0.96, t * m_momentumDecay));
  const double muNext = beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * m_momentumDecay));
  // update()'s float32 products, from the product before the step.
  const float product = m_muProduct * static_cast<float>(mu);
  const double productNext =
      m_fixed ? static_cast<double>(product) * muNext
              : static_cast<double>(product * static_cast<float>(mu) * static_cast<float>(muNext));
  const double gradCoef = (-lr * (1.0 - mu)) / (1.0 - static_cast<double>(product));
  const double momentumCoef = (-lr * muNext) / (1.0 - productNext);
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of v", beta2).scalar("ε", "added to √v̂", eps).scalar("t", "step", t);
  r.scalar("ψ", "momentum decay", m_momentumDecay).scalar("bc2", "1 − β2^t", bc2);
  r.scalar("μ_t", "β1·(1 − ½·0.96^(t·ψ))", mu).scalar("μ_t+1", "β1·(1 − ½·0.96^((t+1)·ψ))", muNext);
  r.scalar("Π", "Π·μ_t (float32)", static_cast<double>(product));
  r.scalar("Π'", m_fixed ? "Π·μ_t+1" : "Π·μ_t·μ_t+1 (float32, torch 1.13)", productNext);
  r.scalar("c_g", "−lr·(1 − μ_t) / (1 − Π)", gradCoef);
  r.scalar("c_m", "−lr·μ_t+1 / (1 − Π')", momentumCoef);
  describeDirection(r, false, m_weightDecay);
  r.input("m", "before the step", m_m).input("v", "before the step", m_v);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("v", "β2·v + (1−β2)·d²", [=](const RecipeRow& e) {
    return std::fma((1.0 - beta2) * e["d"], e["d"], e["v"] * beta2);
  });
  r.line("den", "√(v / bc2) + ε",
         [=](const RecipeRow& e) { return std::sqrt(e["v"] / bc2) + eps; });
  r.line("η_eff", "lr / den", [=](const RecipeRow& e) { return lr / e["den"]; });
  r.line("θ'", "θ + c_g·d / den",
         [=](const RecipeRow& e) { return e["θ"] + (gradCoef * e["d"]) / e["den"]; });
  r.line("θ'", "θ' + c_m·m / den",
         [=](const RecipeRow& e) { return e["θ'"] + (momentumCoef * e["m"]) / e["den"]; });
}

}  // namespace optiscope

#include "core/optim/adadelta.h"

#include <cmath>

#include "core/optim/update_recipe.h"

namespace optiscope {

OptimizerInfo Adadelta::describe() {
  return {"adadelta",
          "rate = RMS of past steps / RMS of past gradients, times lr",
          "Zeiler, arXiv:1212.5701, 2012",
          {learningRateParam(1.0, "learning rate (scales Δ; 1 in the paper)"),
           realParam("rho", 0.9, "decay rate ρ of both running averages", 0.0, 1.0),
           positiveParam("eps", 1e-6, "added inside both square roots"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Adadelta>(); }};
}

std::vector<StateView> Adadelta::state() const { return {{"v", &m_v}, {"u", &m_u}}; }

void Adadelta::applyHyperparameters(const ParamValues& v) {
  m_rho = v.real("rho");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_maximize = v.flag("maximize");
}

void Adadelta::allocate(Eigen::Index n) {
  m_v = Eigen::VectorXd::Zero(n);
  m_u = Eigen::VectorXd::Zero(n);
}

void Adadelta::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), rho = m_rho, eps = m_eps, wd = m_weightDecay;
  Eigen::VectorXd& etaEff = eagerEffectiveLr();
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_v[i] = std::fma((1.0 - rho) * d, d, m_v[i] * rho);
    const double ratio = std::sqrt(m_u[i] + eps) / std::sqrt(m_v[i] + eps);
    const double delta = ratio * d;
    m_u[i] = std::fma((1.0 - rho) * delta, delta, m_u[i] * rho);
    p[i] = std::fma(-lr, delta, p[i]);
    etaEff[i] = lr * ratio;
  }
}

void Adadelta::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), rho = m_rho, eps = m_eps;
  r.scalar("lr", "learning rate", lr).scalar("ρ", "decay of v and u", rho);
  r.scalar("ε", "inside both roots", eps);
  describeDirection(r, m_maximize, m_weightDecay);
  r.input("v", "before the step", m_v).input("u", "before the step", m_u);
  r.line("v", "ρ·v + (1−ρ)·d²",
         [=](const RecipeRow& e) { return std::fma((1.0 - rho) * e["d"], e["d"], e["v"] * rho); });
  r.line("ratio", "√(u + ε) / √(v + ε)",
         [=](const RecipeRow& e) { return std::sqrt(e["u"] + eps) / std::sqrt(e["v"] + eps); });
  r.line("Δ", "ratio·d", [](const RecipeRow& e) { return e["ratio"] * e["d"]; });
  r.line("u", "ρ·u + (1−ρ)·Δ²",
         [=](const RecipeRow& e) { return std::fma((1.0 - rho) * e["Δ"], e["Δ"], e["u"] * rho); });
  r.line("η_eff", "lr·ratio", [=](const RecipeRow& e) { return lr * e["ratio"]; });
  r.line("θ'", "θ − lr·Δ", [=](const RecipeRow& e) { return std::fma(-lr, e["Δ"], e["θ"]); });
}

}  // namespace optiscope

#include "core/optim/asgd.h"

#include <algorithm>
#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/torch_scalars.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
OptimizerInfo Asgd::describe() {
  return {"asgd",
          "SGD with a decaying step and a Polyak average of the iterates",
          "Polyak & Juditsky, SIAM J. Control Optim. 1992; Xu, arXiv:1107.2490",
          {learningRateParam(1e-2),
           nonNegativeParam("lambd", 1e-4, "decay term λ of the step η and of p"),
           nonNegativeParam("alpha", 0.75, "power α of the η decay"),
           nonNegativeParam("t0", 1e6, "step at which averaging starts"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Asgd>(); }};
}

std::vector<StateView> Asgd::state() const { return {{"ax", &m_ax}}; }

void Asgd::applyHyperparameters(const ParamValues& v) {
  m_lambd = v.real("lambd");
  m_alpha = v.real("alpha");
  m_t0 = v.real("t0");
  m_weightDecay = v.real("weight_decay");
  m_maximize = v.flag("maximize");
}

void Asgd::allocate(Eigen::Index n) { m_ax = Eigen::VectorXd::Zero(n); }

void Asgd::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  if (m_steps == 0) {  // torch creates eta from the group's lr at the first step
    m_eta = static_cast<float>(lr());
    m_mu = 1.0f;
  }
  const double t = torchStepCount(m_steps), wd = m_weightDecay;
  const double eta = m_eta, mu = m_mu;
  m_lastEta = eta;
  const double decay = 1.0 - m_lambd * eta;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    p[i] = p[i] * decay;
    p[i] = std::fma(-eta, d, p[i]);
    m_ax[i] = mu != 1.0 ? m_ax[i] + (p[i] - m_ax[i]) * mu : p[i];
  }
  const double lr = this->lr();
  m_eta = static_cast<float>(lr / std::pow(1.0 + m_lambd * lr * t, m_alpha));
  m_mu = static_cast<float>(1.0 / std::max(1.0, t - m_t0));
}

void Asgd::computeEffectiveLr(Eigen::VectorXd& out) const { kernels::fillConstant(out, m_lastEta); }

void Asgd::describeUpdate(UpdateRecipe& r) const {
  // torch creates eta from the group's lr (and mu = 1) at the first step.
  const double eta = m_steps == 0 ? static_cast<double>(static_cast<float>(lr())) : m_eta;
  const double mu = m_steps == 0 ? 1.0 : m_mu;
  const double decay = 1.0 - m_lambd * eta;
  r.scalar("λ", "decay term", m_lambd).scalar("η", "step size of this step (float32)", eta);
  r.scalar("μ", "averaging rate of this step (float32)", mu);
  describeDirection(r, m_maximize, m_weightDecay);
  r.line("θ", "θ·(1 − λ·η)", [=](const RecipeRow& e) { return e["θ"] * decay; });
  r.line("θ'", "θ − η·d", [=](const RecipeRow& e) { return std::fma(-eta, e["d"], e["θ"]); });
  r.input("ax", "the average before the step", m_ax);
  if (mu != 1.0) {
    r.line("ax", "ax + (θ' − ax)·μ",
           [=](const RecipeRow& e) { return e["ax"] + (e["θ'"] - e["ax"]) * mu; });
  } else {
    r.line("ax", "θ' (μ = 1)", [](const RecipeRow& e) { return e["θ'"]; });
  }
  r.line("η_eff", "η", [=](const RecipeRow&) { return eta; });
}

}  // namespace optiscope

#include "core/optim/adamax.h"

#include <cmath>

#include "core/optim/adam_common.h"
#include "core/optim/update_recipe.h"

namespace optiscope {

OptimizerInfo Adamax::describe() {
  return {"adamax",
          "Adam with the infinity norm: divides by a decaying maximum of |g|",
          "Kingma & Ba, ICLR 2015 (arXiv:1412.6980), section 7.1",
          {learningRateParam(2e-3), betaParam("beta1", 0.9, "decay rate β1 of the first moment m"),
           betaParam("beta2", 0.999, "decay rate β2 of the infinity norm u"),
           positiveParam("eps", 1e-8, "added to |g| inside the maximum"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Adamax>(); }};
}

std::vector<StateView> Adamax::state() const { return {{"m", &m_m}, {"u", &m_u}}; }

void Adamax::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_maximize = v.flag("maximize");
}

void Adamax::allocate(Eigen::Index n) {
  m_t = 0.0f;
  m_m = Eigen::VectorXd::Zero(n);
  m_u = Eigen::VectorXd::Zero(n);
}

void Adamax::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_t += 1.0f;
  const double beta1 = m_beta1, beta2 = m_beta2, eps = m_eps, wd = m_weightDecay;
  const double clr = lr() / (1.0 - std::pow(beta1, static_cast<double>(m_t)));
  m_lastClr = clr;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    m_u[i] = nanPropagatingMax(m_u[i] * beta2, std::abs(d) + eps);
    p[i] = p[i] + ((-clr) * m_m[i]) / m_u[i];
  }
}

void Adamax::computeEffectiveLr(Eigen::VectorXd& out) const {
  for (Eigen::Index i = 0; i < out.size(); ++i) out[i] = m_lastClr / m_u[i];
}

void Adamax::describeUpdate(UpdateRecipe& r) const {
  const float nextT = m_t + 1.0f;  // the step's float32 counter, as update() increments it
  const double t = nextT, beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double clr = lr() / (1.0 - std::pow(beta1, t));
  r.scalar("lr", "learning rate", lr()).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of u", beta2).scalar("ε", "added to |d|", eps).scalar("t", "step", t);
  r.scalar("clr", "lr / (1 − β1^t)", clr);
  describeDirection(r, m_maximize, m_weightDecay);
  r.input("m", "before the step", m_m).input("u", "before the step", m_u);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("u", "max(β2·u, |d| + ε)", [=](const RecipeRow& e) {
    return nanPropagatingMax(e["u"] * beta2, std::abs(e["d"]) + eps);
  });
  r.line("η_eff", "clr / u", [=](const RecipeRow& e) { return clr / e["u"]; });
  r.line("θ'", "θ − clr·m / u",
         [=](const RecipeRow& e) { return e["θ"] + (-clr * e["m"]) / e["u"]; });
}

}  // namespace optiscope

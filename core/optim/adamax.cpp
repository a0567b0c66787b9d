#include "core/optim/adamax.h"

#include <cmath>

#include "core/optim/adam_common.h"

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

}  // namespace optiscope

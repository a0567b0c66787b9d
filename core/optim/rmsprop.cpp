#include "core/optim/rmsprop.h"

#include <cmath>

namespace optiscope {

OptimizerInfo Rmsprop::describe() {
  return {"rmsprop",
          "divides by a running root-mean-square of the gradient",
          "Tieleman & Hinton, Coursera lecture 6.5, 2012; centered: Graves 2013",
          {learningRateParam(1e-2),
           betaParam("alpha", 0.99, "decay rate α of the squared-gradient average v"),
           positiveParam("eps", 1e-8, "added to sqrt(v) in the denominator"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           nonNegativeParam("momentum", 0.0, "momentum factor μ of the scaled step"),
           boolParam("centered", false, "divide by the gradient's variance estimate v - ga²"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Rmsprop>(); }};
}

std::string_view Rmsprop::effectiveLrTarget() const {
  return m_momentum > 0.0 ? "d, accumulated in momentum_buffer" : "d";
}

std::vector<StateView> Rmsprop::state() const {
  std::vector<StateView> views{{"v", &m_v}};
  if (m_momentum > 0.0) views.push_back({"momentum_buffer", &m_momentumBuffer});
  if (m_centered) views.push_back({"grad_avg", &m_gradAvg});
  return views;
}

void Rmsprop::applyHyperparameters(const ParamValues& v) {
  m_alpha = v.real("alpha");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_momentum = v.real("momentum");
  m_centered = v.flag("centered");
  m_maximize = v.flag("maximize");
}

void Rmsprop::allocate(Eigen::Index n) {
  m_v = Eigen::VectorXd::Zero(n);
  m_momentumBuffer = Eigen::VectorXd::Zero(n);
  m_gradAvg = Eigen::VectorXd::Zero(n);
}

void Rmsprop::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), alpha = m_alpha, eps = m_eps, wd = m_weightDecay;
  const double mu = m_momentum;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_v[i] = std::fma((1.0 - alpha) * d, d, m_v[i] * alpha);
    double root;
    if (m_centered) {
      m_gradAvg[i] = std::fma(1.0 - alpha, d, m_gradAvg[i] * alpha);
      root = std::sqrt(std::fma(-m_gradAvg[i], m_gradAvg[i], m_v[i]));
    } else {
      root = std::sqrt(m_v[i]);
    }
    const double den = root + eps;
    if (mu > 0.0) {
      m_momentumBuffer[i] = m_momentumBuffer[i] * mu + d / den;
      p[i] = std::fma(-lr, m_momentumBuffer[i], p[i]);
    } else {
      p[i] = p[i] + ((-lr) * d) / den;
    }
    m_etaEff[i] = lr / den;
  }
}

}  // namespace optiscope

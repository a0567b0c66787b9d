#include "core/optim/sgd.h"

#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {

OptimizerInfo Sgd::describe() {
  return {"sgd",
          "stochastic gradient descent with optional (Nesterov) momentum",
          "Robbins & Monro 1951; Polyak 1964; Sutskever et al., ICML 2013",
          {learningRateParam(0.01, "learning rate (torch requires it; 0.01 here)"),
           nonNegativeParam("momentum", 0.0, "momentum factor μ"),
           nonNegativeParam("dampening", 0.0, "dampening τ of the momentum"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("nesterov", false, "Nesterov momentum"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Sgd>(); }};
}

std::string_view Sgd::effectiveLrTarget() const {
  return m_momentum != 0.0 ? "momentum_buffer" : "d";
}

std::vector<StateView> Sgd::state() const { return {{"momentum_buffer", &m_buffer}}; }

void Sgd::validate(const ParamValues& v) const {
  if (v.flag("nesterov") && (v.real("momentum") <= 0.0 || v.real("dampening") != 0.0))
    throw SpecError("sgd: nesterov requires momentum > 0 and dampening = 0");
}

void Sgd::applyHyperparameters(const ParamValues& v) {
  m_momentum = v.real("momentum");
  m_dampening = v.real("dampening");
  m_weightDecay = v.real("weight_decay");
  m_nesterov = v.flag("nesterov");
  m_maximize = v.flag("maximize");
}

void Sgd::allocate(Eigen::Index n) {
  m_buffer = Eigen::VectorXd::Zero(n);
  m_hasBuffer = false;
}

void Sgd::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), mu = m_momentum, wd = m_weightDecay;
  const bool firstBuffer = mu != 0.0 && !m_hasBuffer;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    if (mu != 0.0) {
      m_buffer[i] = firstBuffer ? d : std::fma(1.0 - m_dampening, d, m_buffer[i] * mu);
      d = m_nesterov ? std::fma(mu, m_buffer[i], d) : m_buffer[i];
    }
    p[i] = std::fma(-lr, d, p[i]);
    m_etaEff[i] = lr;
  }
  if (mu != 0.0) m_hasBuffer = true;
}

}  // namespace optiscope

#include "core/optim/adagrad.h"

#include <cmath>

namespace optiscope {

OptimizerInfo Adagrad::describe() {
  return {"adagrad",
          "per-parameter rate lr/sqrt(sum of squared gradients)",
          "Duchi, Hazan & Singer, JMLR 2011",
          {learningRateParam(1e-2),
           nonNegativeParam("lr_decay", 0.0, "lr is divided by 1 + (t-1)·lr_decay"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           nonNegativeParam("initial_accumulator_value", 0.0, "starting value of sum"),
           positiveParam("eps", 1e-10, "added to sqrt(sum) in the denominator"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Adagrad>(); }};
}

std::vector<StateView> Adagrad::state() const { return {{"sum", &m_sum}}; }

void Adagrad::applyHyperparameters(const ParamValues& v) {
  m_lrDecay = v.real("lr_decay");
  m_weightDecay = v.real("weight_decay");
  m_initialAccumulator = v.real("initial_accumulator_value");
  m_eps = v.real("eps");
  m_maximize = v.flag("maximize");
}

void Adagrad::allocate(Eigen::Index n) {
  m_t = 0.0f;
  m_sum = Eigen::VectorXd::Constant(n, m_initialAccumulator);
}

void Adagrad::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_t += 1.0f;
  const double t = m_t, wd = m_weightDecay, eps = m_eps;
  const double clr = lr() / (1.0 + (t - 1.0) * m_lrDecay);
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_sum[i] = std::fma(d, d, m_sum[i]);
    const double den = std::sqrt(m_sum[i]) + eps;
    p[i] = p[i] + ((-clr) * d) / den;
    m_etaEff[i] = clr / den;
  }
}

}  // namespace optiscope

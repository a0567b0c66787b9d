#include "core/optim/yogi.h"

#include <cmath>

namespace optiscope {
namespace {

double sign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0; }

}  // namespace

OptimizerInfo Yogi::describe() {
  return {"yogi",
          "Adam with an additive second-moment update that forgets large gradients slowly",
          "Zaheer et al., Adaptive Methods for Nonconvex Optimization, NeurIPS 2018",
          {learningRateParam(1e-2), betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "rate (1-beta2) at which v moves towards g^2"),
           positiveParam("eps", 1e-3, "added to sqrt(v̂) in the denominator"),
           nonNegativeParam("initial_accumulator", 1e-6, "initial value of both m and v"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient")},
          [] { return std::make_unique<Yogi>(); }};
}

std::vector<StateView> Yogi::state() const { return {{"m", &m_m}, {"v", &m_v}}; }

void Yogi::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_initialAccumulator = v.real("initial_accumulator");
  m_weightDecay = v.real("weight_decay");
}

void Yogi::allocate(Eigen::Index n) {
  m_m = Eigen::VectorXd::Constant(n, m_initialAccumulator);
  m_v = Eigen::VectorXd::Constant(n, m_initialAccumulator);
}

void Yogi::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, wd = m_weightDecay;
  const double t = static_cast<double>(m_steps + 1);  // a Python int in the reference
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(beta2, t));
  const double stepSize = lr / bc1;
  m_last = {lr, sqrtBc2, m_eps};
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = g[i];
    if (wd != 0.0) d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    const double squared = d * d;
    m_v[i] = std::fma(-(1.0 - beta2) * sign(m_v[i] - squared), squared, m_v[i]);
    const double den = std::sqrt(m_v[i]) / sqrtBc2 + m_eps;
    p[i] = p[i] + (-stepSize * m_m[i]) / den;
  }
}

void Yogi::computeEffectiveLr(Eigen::VectorXd& out) const {
  for (Eigen::Index i = 0; i < out.size(); ++i)
    out[i] = m_last.lr / (std::sqrt(m_v[i]) / m_last.sqrtBc2 + m_last.eps);
}

}  // namespace optiscope

#include "core/optim/adam_common.h"

namespace optiscope {

std::vector<ParamInfo> adamParamTable(double defaultWeightDecay, const char* weightDecayHelp) {
  return {learningRateParam(1e-3),
          betaParam("beta1", 0.9, "decay rate β1 of the first moment m"),
          betaParam("beta2", 0.999, "decay rate β2 of the second moment v"),
          positiveParam("eps", 1e-8, "added to sqrt(v̂) in the denominator"),
          nonNegativeParam("weight_decay", defaultWeightDecay, weightDecayHelp),
          boolParam("amsgrad", false, "divide by the running maximum of v (AMSGrad)"),
          boolParam("maximize", false, "ascend instead of descend")};
}

void AdamMoments::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_amsgrad = v.flag("amsgrad");
  m_maximize = v.flag("maximize");
}

void AdamMoments::allocate(Eigen::Index n) {
  m_t = 0.0f;
  m_m = Eigen::VectorXd::Zero(n);
  m_v = Eigen::VectorXd::Zero(n);
  // Allocated even without AMSGrad so that switching it on mid-run allocates nothing.
  m_vmax = Eigen::VectorXd::Zero(n);
}

std::vector<StateView> AdamMoments::state() const {
  if (m_amsgrad) return {{"m", &m_m}, {"v", &m_v}, {"vmax", &m_vmax}};
  return {{"m", &m_m}, {"v", &m_v}};
}

void AdamMoments::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g,
                         double lr, WeightDecayStyle style, Eigen::VectorXd& etaEff) {
  m_t += 1.0f;
  const double t = m_t, beta1 = m_beta1, beta2 = m_beta2, eps = m_eps, wd = m_weightDecay;
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double bc2 = 1.0 - std::pow(beta2, t);
  const double stepSize = lr / bc1;
  const double bc2Sqrt = std::sqrt(bc2);
  const double decay = 1.0 - lr * wd;
  const bool coupledDecay = style == WeightDecayStyle::L2 && wd != 0.0;
  const bool decoupledDecay = style == WeightDecayStyle::Decoupled;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    if (coupledDecay) d = std::fma(wd, p[i], d);
    // torch's AdamW multiplies even when wd == 0 (by exactly 1).
    if (decoupledDecay) p[i] = p[i] * decay;
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    m_v[i] = std::fma((1.0 - beta2) * d, d, m_v[i] * beta2);
    double second = m_v[i];
    if (m_amsgrad) {
      // The maximum is over the raw v, divided by the current sqrt(bc2) (not max of v̂).
      m_vmax[i] = nanPropagatingMax(m_vmax[i], m_v[i]);
      second = m_vmax[i];
    }
    const double den = std::sqrt(second) / bc2Sqrt + eps;
    p[i] = p[i] + ((-stepSize) * m_m[i]) / den;
    etaEff[i] = lr / den;
  }
}

}  // namespace optiscope

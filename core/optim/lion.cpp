#include "core/optim/lion.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"

namespace optiscope {
namespace {

double sign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0; }

}  // namespace

OptimizerInfo Lion::describe() {
  return {"lion",
          "sign of an interpolated momentum: every coordinate moves by exactly lr",
          "Chen et al., Symbolic Discovery of Optimization Algorithms, arXiv:2302.06675",
          {learningRateParam(1e-4, "learning rate (3-10x smaller than AdamW's)"),
           betaParam("beta1", 0.9, "interpolation between m and g that sets the sign of the step"),
           betaParam("beta2", 0.99, "decay of the momentum m"),
           nonNegativeParam("weight_decay", 0.0, "decoupled decay: p *= 1 - lr*wd")},
          [] { return std::make_unique<Lion>(); }};
}

std::vector<StateView> Lion::state() const { return {{"m", &m_m}}; }

void Lion::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_weightDecay = v.real("weight_decay");
}

void Lion::allocate(Eigen::Index n) { m_m = Eigen::VectorXd::Zero(n); }

void Lion::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2;
  const double decay = 1.0 - lr * m_weightDecay;
  m_lastLr = lr;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    p[i] = p[i] * decay;
    const double interpolated = std::fma(1.0 - beta1, g[i], m_m[i] * beta1);
    p[i] = std::fma(-lr, sign(interpolated), p[i]);
    m_m[i] = std::fma(1.0 - beta2, g[i], m_m[i] * beta2);
  }
}

void Lion::computeEffectiveLr(Eigen::VectorXd& out) const { kernels::fillConstant(out, m_lastLr); }

}  // namespace optiscope

#include "core/optim/yogi.h"

#include <cmath>

#include "core/optim/update_recipe.h"

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

void Yogi::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double t = static_cast<double>(m_steps + 1);
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(beta2, t));
  const double stepSize = lr / bc1;
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "rate of v", beta2).scalar("ε", "added to √v̂", eps).scalar("t", "step", t);
  r.scalar("bc1", "1 − β1^t", bc1).scalar("√bc2", "√(1 − β2^t)", sqrtBc2);
  describeDirection(r, false, m_weightDecay);
  r.input("m", "before the step", m_m).input("v", "before the step", m_v);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("d²", "d·d", [](const RecipeRow& e) { return e["d"] * e["d"]; });
  r.line("v", "v − (1−β2)·sign(v − d²)·d²", [=](const RecipeRow& e) {
    return std::fma(-(1.0 - beta2) * sign(e["v"] - e["d²"]), e["d²"], e["v"]);
  });
  r.line("den", "√v / √bc2 + ε",
         [=](const RecipeRow& e) { return std::sqrt(e["v"]) / sqrtBc2 + eps; });
  r.line("η_eff", "lr / den", [=](const RecipeRow& e) { return lr / e["den"]; });
  r.line("θ'", "θ − (lr/bc1)·m / den",
         [=](const RecipeRow& e) { return e["θ"] + (-stepSize * e["m"]) / e["den"]; });
}

}  // namespace optiscope

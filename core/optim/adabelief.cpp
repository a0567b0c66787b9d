#include "core/optim/adabelief.h"

#include <algorithm>
#include <cmath>

#include "core/optim/adam_common.h"
#include "core/optim/kernel_dispatch.h"
#include "core/optim/update_recipe.h"

namespace optiscope {

OptimizerInfo AdaBelief::describe() {
  return {"adabelief",
          "Adam scaled by the spread of g around its mean, (g - m)^2, not by g^2",
          "Zhuang et al., AdaBelief Optimizer, NeurIPS 2020, arXiv:2010.07468",
          {learningRateParam(1e-3), betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "decay of the belief s"),
           positiveParam("eps", 1e-16, "added to s every step and to the denominator"),
           nonNegativeParam("weight_decay", 0.0, "weight decay (see weight_decouple)"),
           boolParam("amsgrad", false, "normalise by the running maximum of s"),
           boolParam("weight_decouple", true, "decay p directly (AdamW) instead of via g"),
           boolParam("fixed_decay", false, "decoupled decay p *= 1 - wd, ignoring lr"),
           boolParam("rectify", true, "RAdam-style rectification of the adaptive step"),
           boolParam("degenerated_to_sgd", true,
                     "while rectification is off (N < 5), take SGD-with-momentum steps")},
          [] { return std::make_unique<AdaBelief>(); }};
}

std::vector<StateView> AdaBelief::state() const {
  if (m_amsgrad) return {{"m", &m_m}, {"s", &m_s}, {"smax", &m_smax}};
  return {{"m", &m_m}, {"s", &m_s}};
}

void AdaBelief::applyHyperparameters(const ParamValues& v) {
  m_beta1 = v.real("beta1");
  m_beta2 = v.real("beta2");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_amsgrad = v.flag("amsgrad");
  m_weightDecouple = v.flag("weight_decouple");
  m_fixedDecay = v.flag("fixed_decay");
  m_rectify = v.flag("rectify");
  m_degeneratedToSgd = v.flag("degenerated_to_sgd");
}

void AdaBelief::allocate(Eigen::Index n) {
  m_m = Eigen::VectorXd::Zero(n);
  m_s = Eigen::VectorXd::Zero(n);
  m_smax = Eigen::VectorXd::Zero(n);  // always, so amsgrad can be switched on mid-run
}

AdaBelief::Rectification AdaBelief::rectification(double t) const {
  const double beta2t = std::pow(m_beta2, t);
  const double nMax = 2.0 / (1.0 - m_beta2) - 1.0;
  const double n = nMax - 2.0 * t * beta2t / (1.0 - beta2t);
  const double bc1 = 1.0 - std::pow(m_beta1, t);
  if (n >= 5.0) {
    const double rectifier =
        std::sqrt((1.0 - beta2t) * (n - 4.0) / (nMax - 4.0) * (n - 2.0) / n * nMax / (nMax - 2.0));
    return {RectifiedMode::Adaptive, rectifier / bc1, rectifier};
  }
  if (m_degeneratedToSgd) return {RectifiedMode::Sgd, 1.0 / bc1, 1.0};
  return {RectifiedMode::Frozen, 0.0, 0.0};
}

void AdaBelief::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double wd = m_weightDecay;
  const double decay = m_fixedDecay ? 1.0 - wd : 1.0 - lr * wd;
  const double t = static_cast<double>(m_steps + 1);  // a Python int in the reference
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(beta2, t));
  const Rectification rect =
      m_rectify ? rectification(t) : Rectification{RectifiedMode::Frozen, 0.0, 0.0};
  const double stepSize = lr / bc1;
  m_last = {lr, sqrtBc2, eps, m_amsgrad, m_rectify, rect};
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = g[i];
    if (m_weightDecouple)
      p[i] = p[i] * decay;
    else if (wd != 0.0)
      d = std::fma(wd, p[i], d);
    m_m[i] = std::fma(1.0 - beta1, d, m_m[i] * beta1);
    const double residual = d - m_m[i];
    m_s[i] = std::fma((1.0 - beta2) * residual, residual, m_s[i] * beta2) + eps;
    if (m_amsgrad) m_smax[i] = nanPropagatingMax(m_smax[i], m_s[i]);
    if (!m_rectify) {
      const double den = std::sqrt(m_amsgrad ? m_smax[i] : m_s[i]) / sqrtBc2 + eps;
      p[i] = p[i] + (-stepSize * m_m[i]) / den;
    } else if (rect.mode == RectifiedMode::Adaptive) {
      const double den = std::sqrt(m_s[i]) + eps;
      p[i] = p[i] + (-rect.stepSize * lr * m_m[i]) / den;
    } else if (rect.mode == RectifiedMode::Sgd) {
      p[i] = std::fma(-rect.stepSize * lr, m_m[i], p[i]);
    }
  }
}

void AdaBelief::computeEffectiveLr(Eigen::VectorXd& out) const {
  const double lr = m_last.lr, eps = m_last.eps;
  if (!m_last.rectify) {
    const Eigen::VectorXd& second = m_last.amsgrad ? m_smax : m_s;
    for (Eigen::Index i = 0; i < out.size(); ++i)
      out[i] = lr / (std::sqrt(second[i]) / m_last.sqrtBc2 + eps);
  } else if (m_last.rect.mode == RectifiedMode::Adaptive) {
    for (Eigen::Index i = 0; i < out.size(); ++i)
      out[i] = lr * m_last.rect.rectifier / (std::sqrt(m_s[i]) + eps);
  } else {
    kernels::fillConstant(out, m_last.rect.mode == RectifiedMode::Sgd ? lr : 0.0);
  }
}

void AdaBelief::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double wd = m_weightDecay;
  const double decay = m_fixedDecay ? 1.0 - wd : 1.0 - lr * wd;
  const double t = static_cast<double>(m_steps + 1);
  const double bc1 = 1.0 - std::pow(beta1, t);
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(beta2, t));
  const Rectification rect =
      m_rectify ? rectification(t) : Rectification{RectifiedMode::Frozen, 0.0, 0.0};
  const double stepSize = lr / bc1;
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of s", beta2).scalar("ε", "added to s and to √ŝ", eps);
  r.scalar("t", "step", t).scalar("bc1", "1 − β1^t", bc1).scalar("√bc2", "√(1 − β2^t)", sqrtBc2);
  r.line("d", "g", [](const RecipeRow& e) { return e["g"]; });
  if (m_weightDecouple) {
    r.scalar("wd", "decoupled weight decay", wd);
    r.line("θ", m_fixedDecay ? "θ·(1 − wd)" : "θ·(1 − lr·wd)",
           [=](const RecipeRow& e) { return e["θ"] * decay; });
  } else if (wd != 0.0) {
    r.scalar("wd", "weight decay", wd);
    r.line("d", "d + wd·θ", [=](const RecipeRow& e) { return std::fma(wd, e["θ"], e["d"]); });
  }
  r.input("m", "before the step", m_m).input("s", "before the step", m_s);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("d − m", "the belief residual", [](const RecipeRow& e) { return e["d"] - e["m"]; });
  r.line("s", "β2·s + (1−β2)·(d − m)² + ε", [=](const RecipeRow& e) {
    return std::fma((1.0 - beta2) * e["d − m"], e["d − m"], e["s"] * beta2) + eps;
  });
  const char* second = "s";
  if (m_amsgrad) {
    r.input("smax", "before the step", m_smax);
    r.line("smax", "max(smax, s) (AMSGrad)",
           [](const RecipeRow& e) { return nanPropagatingMax(e["smax"], e["s"]); });
    second = "smax";
  }
  if (!m_rectify) {
    r.line("den", std::string("√") + second + " / √bc2 + ε",
           [=](const RecipeRow& e) { return std::sqrt(e[second]) / sqrtBc2 + eps; });
    r.line("η_eff", "lr / den", [=](const RecipeRow& e) { return lr / e["den"]; });
    r.line("θ'", "θ − (lr/bc1)·m / den",
           [=](const RecipeRow& e) { return e["θ"] + (-stepSize * e["m"]) / e["den"]; });
  } else if (rect.mode == RectifiedMode::Adaptive) {
    r.scalar("r", "the rectifier", rect.rectifier).scalar("r/bc1", "step size", rect.stepSize);
    r.line("den", "√s + ε", [=](const RecipeRow& e) { return std::sqrt(e["s"]) + eps; });
    r.line("η_eff", "lr·r / den",
           [=](const RecipeRow& e) { return lr * rect.rectifier / e["den"]; });
    r.line("θ'", "θ − (r/bc1)·lr·m / den",
           [=](const RecipeRow& e) { return e["θ"] + (-rect.stepSize * lr * e["m"]) / e["den"]; });
  } else if (rect.mode == RectifiedMode::Sgd) {
    r.scalar("1/bc1", "step size (not yet rectified: SGD with momentum)", rect.stepSize);
    r.line("η_eff", "lr", [=](const RecipeRow&) { return lr; });
    r.line("θ'", "θ − (lr/bc1)·m",
           [=](const RecipeRow& e) { return std::fma(-rect.stepSize * lr, e["m"], e["θ"]); });
  } else {
    r.line("η_eff", "0 (not yet rectified: no step)", [](const RecipeRow&) { return 0.0; });
    r.line("θ'", "θ", [](const RecipeRow& e) { return e["θ"]; });
  }
}

}  // namespace optiscope

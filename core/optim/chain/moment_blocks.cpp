// First and second moments with bias correction: Adam's scaling (scale_by_adam, with torch's
// AMSGrad) and AdaBelief's (scale_by_belief). Moments follow torch's operation order
// (OPTIMIZERS.md §1.5: m = EMA, v = EMA2, den = √v/√bc2 + eps), so scale_by_adam followed by
// scale_by_learning_rate differs from torch's Adam only in how the last product rounds.
#include <cmath>

#include "core/optim/chain/chain_blocks.h"

namespace optiscope {
namespace {

// The scalars an update used, kept for η_eff after hyperparameters may have changed.
struct Captured {
  double bc1 = 1.0, sqrtBc2 = 1.0, eps = 1e-8;
  bool amsgrad = false;
};

Captured correction(double t, double beta1, double beta2, double eps, bool biasCorrection,
                    bool amsgrad) {
  if (!biasCorrection) return {1.0, 1.0, eps, amsgrad};
  return {1.0 - std::pow(beta1, t), std::sqrt(1.0 - std::pow(beta2, t)), eps, amsgrad};
}

// torch.maximum propagates NaN.
double nanPropagatingMax(double a, double b) { return std::isnan(b) ? b : (a < b ? b : a); }

// scale_by_adam: m ← β1·m + (1−β1)·u; v ← β2·v + (1−β2)·u²; (amsgrad: v̄ ← max(v̄, v));
// u ← (m/bc1) / (√v/√bc2 + eps).
class ScaleByAdamBlock : public ChainBlockBase<ScaleByAdamBlock> {
 public:
  std::string_view name() const override { return "scale_by_adam"; }
  void configure(const ParamValues& v) override {
    m_beta1 = v.real("beta1");
    m_beta2 = v.real("beta2");
    m_eps = v.real("eps");
    m_biasCorrection = v.flag("bias_correction");
    m_amsgrad = v.flag("amsgrad");
  }
  void allocate(Eigen::Index n) override {
    m_m = Eigen::VectorXd::Zero(n);
    m_v = Eigen::VectorXd::Zero(n);
    m_vmax = Eigen::VectorXd::Zero(n);  // always, so amsgrad can be switched on mid-run
    m_t = 0.0;
    m_last = {1.0, 1.0, m_eps, m_amsgrad};
  }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    m_t += 1.0;
    const double beta1 = m_beta1, beta2 = m_beta2;
    m_last = correction(m_t, beta1, beta2, m_eps, m_biasCorrection, m_amsgrad);
    double *m = m_m.data(), *v = m_v.data(), *vmax = m_vmax.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      m[i] = std::fma(1.0 - beta1, in[i], m[i] * beta1);
      v[i] = std::fma((1.0 - beta2) * in[i], in[i], v[i] * beta2);
      if (m_last.amsgrad) vmax[i] = nanPropagatingMax(vmax[i], v[i]);
      out[i] = (m[i] / m_last.bc1) / denominatorAt(i);
    }
  }
  void multiplyRate(Eigen::VectorXd& rate) const override {
    for (Eigen::Index i = 0; i < rate.size(); ++i) rate[i] *= 1.0 / denominatorAt(i);
  }
  bool scales() const override { return true; }
  std::vector<StateView> state() const override {
    if (m_amsgrad) return {{"m", &m_m}, {"v", &m_v}, {"vmax", &m_vmax}};
    return {{"m", &m_m}, {"v", &m_v}};
  }

 private:
  double denominatorAt(Eigen::Index i) const {
    return std::sqrt(m_last.amsgrad ? m_vmax[i] : m_v[i]) / m_last.sqrtBc2 + m_last.eps;
  }

  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-8;
  bool m_biasCorrection = true, m_amsgrad = false;
  double m_t = 0.0;  // torch's float32 counter is exact up to 2^24 steps; a double is too
  Captured m_last;
  Eigen::VectorXd m_m, m_v, m_vmax;
};

// scale_by_belief (optax): m ← β1·m + (1−β1)·u; s ← β2·s + (1−β2)·(u − m)² + eps_root;
// u ← (m/bc1) / (√s/√bc2 + eps). The "belief" (u − m)² replaces Adam's u².
class ScaleByBeliefBlock : public ChainBlockBase<ScaleByBeliefBlock> {
 public:
  std::string_view name() const override { return "scale_by_belief"; }
  void configure(const ParamValues& v) override {
    m_beta1 = v.real("beta1");
    m_beta2 = v.real("beta2");
    m_eps = v.real("eps");
    m_epsRoot = v.real("eps_root");
    m_biasCorrection = v.flag("bias_correction");
  }
  void allocate(Eigen::Index n) override {
    m_m = Eigen::VectorXd::Zero(n);
    m_s = Eigen::VectorXd::Zero(n);
    m_t = 0.0;
    m_last = {1.0, 1.0, m_eps, false};
  }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    m_t += 1.0;
    const double beta1 = m_beta1, beta2 = m_beta2, epsRoot = m_epsRoot;
    m_last = correction(m_t, beta1, beta2, m_eps, m_biasCorrection, false);
    double *m = m_m.data(), *s = m_s.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      m[i] = std::fma(1.0 - beta1, in[i], m[i] * beta1);
      const double surprise = in[i] - m[i];
      s[i] = std::fma((1.0 - beta2) * surprise, surprise, s[i] * beta2) + epsRoot;
      out[i] = (m[i] / m_last.bc1) / denominatorAt(i);
    }
  }
  void multiplyRate(Eigen::VectorXd& rate) const override {
    for (Eigen::Index i = 0; i < rate.size(); ++i) rate[i] *= 1.0 / denominatorAt(i);
  }
  bool scales() const override { return true; }
  std::vector<StateView> state() const override { return {{"m", &m_m}, {"s", &m_s}}; }

 private:
  double denominatorAt(Eigen::Index i) const {
    return std::sqrt(m_s[i]) / m_last.sqrtBc2 + m_last.eps;
  }

  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-16, m_epsRoot = 1e-16;
  bool m_biasCorrection = true;
  double m_t = 0.0;
  Captured m_last;
  Eigen::VectorXd m_m, m_s;
};

}  // namespace

BlockInfo describeScaleByAdamBlock() {
  return {"scale_by_adam",
          "Adam's scaling: bias-corrected momentum over the root of the squared-update average",
          "m = b1*m + (1-b1)*u; v = b2*v + (1-b2)*u^2; u = (m/bc1)/(sqrt(v)/sqrt(bc2) + eps)",
          {betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "decay of the second moment v"),
           positiveParam("eps", 1e-8, "added to the root of the corrected v"),
           boolParam("bias_correction", true, "divide by 1 - beta^t (bc1, bc2)"),
           boolParam("amsgrad", false, "use the running maximum of v (torch's AMSGrad)")},
          [] { return std::make_unique<ScaleByAdamBlock>(); }};
}

BlockInfo describeScaleByBeliefBlock() {
  return {"scale_by_belief",
          "AdaBelief's scaling: like Adam's, with (u - m)^2 in place of u^2",
          "m = b1*m + (1-b1)*u; s = b2*s + (1-b2)*(u-m)^2 + eps_root; "
          "u = (m/bc1)/(sqrt(s)/sqrt(bc2) + eps)",
          {betaParam("beta1", 0.9, "decay of the first moment m"),
           betaParam("beta2", 0.999, "decay of the belief s"),
           positiveParam("eps", 1e-16, "added to the root of the corrected s"),
           nonNegativeParam("eps_root", 1e-16, "added into s at every step"),
           boolParam("bias_correction", true, "divide by 1 - beta^t (bc1, bc2)")},
          [] { return std::make_unique<ScaleByBeliefBlock>(); }};
}

}  // namespace optiscope

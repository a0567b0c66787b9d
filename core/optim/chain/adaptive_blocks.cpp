// Per-coordinate rates from accumulated squares: AdaGrad's sum (scale_by_rss) and RMSProp's
// moving average (scale_by_rms). Accumulators follow torch's operation order (fma placement of
// OPTIMIZERS.md §1.2, §1.3), so with torch's settings they hold torch's values to the bit.
#include <cmath>

#include "core/optim/chain/chain_blocks.h"

namespace optiscope {
namespace {

double denominator(double accumulated, double eps, bool epsInSqrt) {
  return epsInSqrt ? std::sqrt(accumulated + eps) : std::sqrt(accumulated) + eps;
}

// scale_by_rss (optax): s ← s + u²; u ← u / √(s + eps) (eps_in_sqrt) or u / (√s + eps).
class ScaleByRssBlock : public ChainBlockBase<ScaleByRssBlock> {
 public:
  std::string_view name() const override { return "scale_by_rss"; }
  void configure(const ParamValues& v) override {
    m_initial = v.real("initial_accumulator_value");
    m_eps = v.real("eps");
    m_epsInSqrt = v.flag("eps_in_sqrt");
  }
  void allocate(Eigen::Index n) override {
    m_sum = Eigen::VectorXd::Constant(n, m_initial);
    m_last = {m_eps, m_epsInSqrt};
  }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    m_last = {m_eps, m_epsInSqrt};
    double* sum = m_sum.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      sum[i] = std::fma(in[i], in[i], sum[i]);
      out[i] = in[i] / denominator(sum[i], m_last.eps, m_last.epsInSqrt);
    }
  }
  void multiplyRate(Eigen::VectorXd& rate) const override {
    for (Eigen::Index i = 0; i < rate.size(); ++i)
      rate[i] *= 1.0 / denominator(m_sum[i], m_last.eps, m_last.epsInSqrt);
  }
  bool scales() const override { return true; }
  std::vector<StateView> state() const override { return {{"sum", &m_sum}}; }

 private:
  struct Captured {
    double eps;
    bool epsInSqrt;
  };
  double m_initial = 0.1, m_eps = 1e-7;
  bool m_epsInSqrt = true;
  Captured m_last{1e-7, true};
  Eigen::VectorXd m_sum;
};

// scale_by_rms (optax, plus torch's `centered`): ν ← decay·ν + (1−decay)·u²; centered also
// μ ← decay·μ + (1−decay)·u and uses ν − μ²; optional bias correction by 1 − decay^t;
// u ← u / √(· + eps) (eps_in_sqrt) or u / (√· + eps).
class ScaleByRmsBlock : public ChainBlockBase<ScaleByRmsBlock> {
 public:
  std::string_view name() const override { return "scale_by_rms"; }
  void configure(const ParamValues& v) override {
    m_decay = v.real("decay");
    m_eps = v.real("eps");
    m_initial = v.real("initial_scale");
    m_epsInSqrt = v.flag("eps_in_sqrt");
    m_centered = v.flag("centered");
    m_biasCorrection = v.flag("bias_correction");
  }
  void allocate(Eigen::Index n) override {
    m_nu = Eigen::VectorXd::Constant(n, m_initial);
    m_mu = Eigen::VectorXd::Zero(n);  // always, so centered can be switched on mid-run
    m_t = 0.0;
    m_last = {m_eps, 1.0, m_epsInSqrt, m_centered, m_biasCorrection};
  }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    m_t += 1.0;
    const double decay = m_decay;
    m_last = {m_eps, m_biasCorrection ? 1.0 - std::pow(decay, m_t) : 1.0, m_epsInSqrt, m_centered,
              m_biasCorrection};
    double* nu = m_nu.data();
    double* mu = m_mu.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      nu[i] = std::fma((1.0 - decay) * in[i], in[i], nu[i] * decay);
      if (m_centered) mu[i] = std::fma(1.0 - decay, in[i], mu[i] * decay);
      out[i] = in[i] / denominatorAt(i);
    }
  }
  void multiplyRate(Eigen::VectorXd& rate) const override {
    for (Eigen::Index i = 0; i < rate.size(); ++i) rate[i] *= 1.0 / denominatorAt(i);
  }
  bool scales() const override { return true; }
  std::vector<StateView> state() const override {
    if (m_centered) return {{"nu", &m_nu}, {"mu", &m_mu}};
    return {{"nu", &m_nu}};
  }

 private:
  struct Captured {
    double eps, bc;
    bool epsInSqrt, centered, biasCorrection;
  };

  // From the state after the update and the settings it used: torch's centered form
  // fma(−μ, μ, ν) without bias correction (OPTIMIZERS.md §1.3), optax's ν̂ − μ̂² with it.
  double denominatorAt(Eigen::Index i) const {
    const Captured& c = m_last;
    double second;
    if (!c.biasCorrection) {
      second = c.centered ? std::fma(-m_mu[i], m_mu[i], m_nu[i]) : m_nu[i];
    } else {
      const double meanHat = m_mu[i] / c.bc;
      second = c.centered ? m_nu[i] / c.bc - meanHat * meanHat : m_nu[i] / c.bc;
    }
    return denominator(second, c.eps, c.epsInSqrt);
  }

  double m_decay = 0.9, m_eps = 1e-8, m_initial = 0.0;
  bool m_epsInSqrt = true, m_centered = false, m_biasCorrection = false;
  double m_t = 0.0;
  Captured m_last{1e-8, 1.0, true, false, false};
  Eigen::VectorXd m_nu, m_mu;
};

}  // namespace

BlockInfo describeScaleByRssBlock() {
  return {"scale_by_rss",
          "AdaGrad's scaling: divide by the root of the sum of squared updates",
          "s = s + u^2; u = u/sqrt(s + eps) (eps_in_sqrt) or u/(sqrt(s) + eps)",
          {nonNegativeParam("initial_accumulator_value", 0.1, "starting value of the sum s"),
           positiveParam("eps", 1e-7, "keeps the denominator above 0"),
           boolParam("eps_in_sqrt", true, "eps inside the root (optax) or outside it (torch)")},
          [] { return std::make_unique<ScaleByRssBlock>(); }};
}

BlockInfo describeScaleByRmsBlock() {
  return {"scale_by_rms",
          "RMSProp's scaling: divide by the root of a moving average of squared updates",
          "nu = decay*nu + (1-decay)*u^2; u = u/sqrt(nu + eps) or u/(sqrt(nu) + eps)",
          {betaParam("decay", 0.9, "decay of the moving average nu"),
           positiveParam("eps", 1e-8, "keeps the denominator above 0"),
           nonNegativeParam("initial_scale", 0.0, "starting value of nu"),
           boolParam("eps_in_sqrt", true, "eps inside the root (optax) or outside it (torch)"),
           boolParam("centered", false, "divide by the root of nu - mu^2, mu the mean of u"),
           boolParam("bias_correction", false, "divide the averages by 1 - decay^t")},
          [] { return std::make_unique<ScaleByRmsBlock>(); }};
}

}  // namespace optiscope

#include "core/optim/adam_common.h"

#include "core/optim/kernel_dispatch.h"

namespace optiscope {
namespace {

struct AdamArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* m;
  double* v;
  double* vmax;
  double* etaEff;
  double lr, beta1, beta2, eps, wd, stepSize, bc2Sqrt, decay;
};

struct AdamLoop {
  template <bool kMaximize, bool kCoupledDecay, bool kDecoupledDecay, bool kAmsgrad>
  [[gnu::always_inline]] static void run(const AdamArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict m = a.m;
    double* __restrict v = a.v;
    double* __restrict vmax = a.vmax;
    double* __restrict etaEff = a.etaEff;
    OPTISCOPE_SIMD
    for (Eigen::Index i = 0; i < a.n; ++i) {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kCoupledDecay) d = std::fma(a.wd, p[i], d);
      // torch's AdamW multiplies even when wd == 0 (by exactly 1).
      if constexpr (kDecoupledDecay) p[i] = p[i] * a.decay;
      m[i] = std::fma(1.0 - a.beta1, d, m[i] * a.beta1);
      v[i] = std::fma((1.0 - a.beta2) * d, d, v[i] * a.beta2);
      double second = v[i];
      if constexpr (kAmsgrad) {
        // The maximum is over the raw v, divided by the current sqrt(bc2) (not max of v̂).
        vmax[i] = nanPropagatingMax(vmax[i], v[i]);
        second = vmax[i];
      }
      const double den = std::sqrt(second) / a.bc2Sqrt + a.eps;
      p[i] = p[i] + ((-a.stepSize) * m[i]) / den;
      etaEff[i] = a.lr / den;
    }
  }
};

OPTISCOPE_KERNEL void adamKernel(const AdamArgs& a, bool maximize, bool coupledDecay,
                                 bool decoupledDecay, bool amsgrad) {
  kernels::dispatchFlags<AdamLoop>(a, maximize, coupledDecay, decoupledDecay, amsgrad);
}

}  // namespace

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
  const double t = m_t, wd = m_weightDecay;
  const double bc1 = 1.0 - std::pow(m_beta1, t);
  const double bc2 = 1.0 - std::pow(m_beta2, t);
  adamKernel({p.size(), p.data(), g.data(), m_m.data(), m_v.data(), m_vmax.data(), etaEff.data(),
              lr, m_beta1, m_beta2, m_eps, wd, lr / bc1, std::sqrt(bc2), 1.0 - lr * wd},
             m_maximize, style == WeightDecayStyle::L2 && wd != 0.0,
             style == WeightDecayStyle::Decoupled, m_amsgrad);
}

}  // namespace optiscope

#include "core/optim/adam_common.h"

#include "core/optim/kernel_dispatch.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
namespace {

struct AdamArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* m;
  double* v;
  double* vmax;
  double beta1, beta2, eps, wd, stepSize, bc2Sqrt, decay;
};

struct AdamLoop {
  template <bool kMaximize, bool kCoupledDecay, bool kDecoupledDecay, bool kAmsgrad>
  [[gnu::always_inline]] static void run(const AdamArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict m = a.m;
    double* __restrict v = a.v;
    double* __restrict vmax = a.vmax;
    // Locals: the compiler cannot prove that the stores leave `a` alone, and reloading the
    // scalars in every iteration costs time (and can keep a loop from vectorizing).
    const double beta1 = a.beta1, oneMinusBeta1 = 1.0 - a.beta1;
    const double beta2 = a.beta2, oneMinusBeta2 = 1.0 - a.beta2;
    const double eps = a.eps, wd = a.wd, negativeStepSize = -a.stepSize, bc2Sqrt = a.bc2Sqrt;
    const double decay = a.decay;
    const Eigen::Index n = a.n;
    const auto body = [&](Eigen::Index i) OPTISCOPE_INLINE_LAMBDA {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kCoupledDecay) d = std::fma(wd, p[i], d);
      // torch's AdamW multiplies even when wd == 0 (by exactly 1).
      double pi = p[i];
      if constexpr (kDecoupledDecay) pi = pi * decay;
      const double mi = std::fma(oneMinusBeta1, d, m[i] * beta1);
      m[i] = mi;
      const double vi = std::fma(oneMinusBeta2 * d, d, v[i] * beta2);
      v[i] = vi;
      double second = vi;
      if constexpr (kAmsgrad) {
        // The maximum is over the raw v, divided by the current sqrt(bc2) (not max of v̂).
        second = nanPropagatingMax(vmax[i], vi);
        vmax[i] = second;
      }
      p[i] = pi + (negativeStepSize * mi) / (std::sqrt(second) / bc2Sqrt + eps);
    };
    const Eigen::Index head = kernels::alignedHead(p, n);
    for (Eigen::Index i = 0; i < head; ++i) body(i);
    OPTISCOPE_SIMD
    for (Eigen::Index i = head; i < n; ++i) body(i);
  }
};

OPTISCOPE_KERNEL void adamKernel(const AdamArgs& a, bool maximize, bool coupledDecay,
                                 bool decoupledDecay, bool amsgrad) {
  kernels::dispatchFlags<AdamLoop>(a, maximize, coupledDecay, decoupledDecay, amsgrad);
}

// η_eff = lr/(sqrt(v̂)+eps), the denominator of the step. A kernel like the step's: the engine
// reads η_eff after every step.
OPTISCOPE_KERNEL void adamRateKernel(Eigen::Index n, const double* __restrict second,
                                     double* __restrict out, double lr, double bc2Sqrt,
                                     double eps) {
  OPTISCOPE_SIMD
  for (Eigen::Index i = 0; i < n; ++i) out[i] = lr / (std::sqrt(second[i]) / bc2Sqrt + eps);
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
                         double lr, WeightDecayStyle style) {
  m_t += 1.0f;
  const double t = m_t, wd = m_weightDecay;
  const double bc1 = 1.0 - std::pow(m_beta1, t);
  const double bc2 = 1.0 - std::pow(m_beta2, t);
  m_last = {lr, std::sqrt(bc2), m_eps, m_amsgrad};
  adamKernel({p.size(), p.data(), g.data(), m_m.data(), m_v.data(), m_vmax.data(), m_beta1, m_beta2,
              m_eps, wd, lr / bc1, m_last.bc2Sqrt, 1.0 - lr * wd},
             m_maximize, style == WeightDecayStyle::L2 && wd != 0.0,
             style == WeightDecayStyle::Decoupled, m_amsgrad);
}

void AdamMoments::effectiveLr(Eigen::VectorXd& out) const {
  adamRateKernel(out.size(), (m_last.amsgrad ? m_vmax : m_v).data(), out.data(), m_last.lr,
                 m_last.bc2Sqrt, m_last.eps);
}

void AdamMoments::describeUpdate(UpdateRecipe& r, double lr, WeightDecayStyle style) const {
  const float nextT = m_t + 1.0f;  // the step's float32 counter, as update() increments it
  const double t = nextT, wd = m_weightDecay, beta1 = m_beta1, beta2 = m_beta2, eps = m_eps;
  const double bc1 = 1.0 - std::pow(beta1, t), bc2 = 1.0 - std::pow(beta2, t);
  const double stepSize = lr / bc1, bc2Sqrt = std::sqrt(bc2), decay = 1.0 - lr * wd;
  r.scalar("lr", "learning rate", lr).scalar("β1", "decay of m", beta1);
  r.scalar("β2", "decay of v", beta2).scalar("ε", "added to √v̂", eps).scalar("t", "step", t);
  r.scalar("bc1", "1 − β1^t", bc1).scalar("bc2", "1 − β2^t", bc2);
  r.scalar("lr/bc1", "step size", stepSize).scalar("√bc2", "√(1 − β2^t)", bc2Sqrt);
  describeDirection(r, m_maximize, style == WeightDecayStyle::L2 ? wd : 0.0);
  if (style == WeightDecayStyle::Decoupled) {
    r.scalar("wd", "decoupled weight decay", wd);
    r.line("θ", "θ·(1 − lr·wd)", [=](const RecipeRow& e) { return e["θ"] * decay; });
  }
  r.input("m", "before the step", m_m).input("v", "before the step", m_v);
  r.line("m", "β1·m + (1−β1)·d",
         [=](const RecipeRow& e) { return std::fma(1.0 - beta1, e["d"], e["m"] * beta1); });
  r.line("v", "β2·v + (1−β2)·d²", [=](const RecipeRow& e) {
    return std::fma((1.0 - beta2) * e["d"], e["d"], e["v"] * beta2);
  });
  const char* second = "v";
  if (m_amsgrad) {
    r.input("vmax", "before the step", m_vmax);
    r.line("vmax", "max(vmax, v) (AMSGrad)",
           [](const RecipeRow& e) { return nanPropagatingMax(e["vmax"], e["v"]); });
    second = "vmax";
  }
  r.line("den", std::string("√") + second + " / √bc2 + ε  (= √v̂ + ε)",
         [=](const RecipeRow& e) { return std::sqrt(e[second]) / bc2Sqrt + eps; });
  r.line("η_eff", "lr / den", [=](const RecipeRow& e) { return lr / e["den"]; });
  r.line("θ'", "θ − (lr/bc1)·m / den",
         [=](const RecipeRow& e) { return e["θ"] + (-stepSize * e["m"]) / e["den"]; });
}

}  // namespace optiscope

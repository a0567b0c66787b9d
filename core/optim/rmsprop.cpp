#include "core/optim/rmsprop.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
namespace {

struct RmspropArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* v;
  double* gradAvg;
  double* buffer;
  double lr, alpha, eps, wd, mu;
};

// ṽ's root: sqrt(v - ga²) centered, else sqrt(v). Shared by the step and η_eff.
template <bool kCentered>
[[gnu::always_inline]] inline double rmsRoot(double v, double gradAvg) {
  if constexpr (kCentered) return std::sqrt(std::fma(-gradAvg, gradAvg, v));
  return std::sqrt(v);
}

struct RmspropLoop {
  template <bool kMaximize, bool kDecay, bool kCentered, bool kMomentum>
  [[gnu::always_inline]] static void run(const RmspropArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict v = a.v;
    double* __restrict gradAvg = a.gradAvg;
    double* __restrict buffer = a.buffer;
    // Locals: see SgdLoop.
    const double negativeLr = -a.lr, alpha = a.alpha, oneMinusAlpha = 1.0 - a.alpha;
    const double eps = a.eps, wd = a.wd, mu = a.mu;
    const Eigen::Index n = a.n;
    const auto body = [&](Eigen::Index i) OPTISCOPE_INLINE_LAMBDA {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kDecay) d = std::fma(wd, p[i], d);
      const double vi = std::fma(oneMinusAlpha * d, d, v[i] * alpha);
      v[i] = vi;
      double average = 0.0;
      if constexpr (kCentered) {
        average = std::fma(oneMinusAlpha, d, gradAvg[i] * alpha);
        gradAvg[i] = average;
      }
      const double den = rmsRoot<kCentered>(vi, average) + eps;
      if constexpr (kMomentum) {
        const double b = buffer[i] * mu + d / den;
        buffer[i] = b;
        p[i] = std::fma(negativeLr, b, p[i]);
      } else {
        p[i] = p[i] + (negativeLr * d) / den;
      }
    };
    const Eigen::Index head = kernels::alignedHead(p, n);
    for (Eigen::Index i = 0; i < head; ++i) body(i);
    OPTISCOPE_SIMD
    for (Eigen::Index i = head; i < n; ++i) body(i);
  }
};

OPTISCOPE_KERNEL void rmspropKernel(const RmspropArgs& a, bool maximize, bool centered) {
  kernels::dispatchFlags<RmspropLoop>(a, maximize, a.wd != 0.0, centered, a.mu > 0.0);
}

// η_eff = lr/(sqrt(ṽ)+eps), the denominator of the step. A kernel like the step's: the engine
// reads η_eff after every step.
OPTISCOPE_KERNEL void rmspropRateKernel(Eigen::Index n, const double* __restrict v,
                                        const double* __restrict gradAvg, double* __restrict out,
                                        double lr, double eps, bool centered) {
  if (centered) {
    OPTISCOPE_SIMD
    for (Eigen::Index i = 0; i < n; ++i) out[i] = lr / (rmsRoot<true>(v[i], gradAvg[i]) + eps);
  } else {
    OPTISCOPE_SIMD
    for (Eigen::Index i = 0; i < n; ++i) out[i] = lr / (rmsRoot<false>(v[i], 0.0) + eps);
  }
}

}  // namespace

OptimizerInfo Rmsprop::describe() {
  return {"rmsprop",
          "divides by a running root-mean-square of the gradient",
          "Tieleman & Hinton, Coursera lecture 6.5, 2012; centered: Graves 2013",
          {learningRateParam(1e-2),
           betaParam("alpha", 0.99, "decay rate α of the squared-gradient average v"),
           positiveParam("eps", 1e-8, "added to sqrt(v) in the denominator"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           nonNegativeParam("momentum", 0.0, "momentum factor μ of the scaled step"),
           boolParam("centered", false, "divide by the gradient's variance estimate v - ga²"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Rmsprop>(); }};
}

std::string_view Rmsprop::effectiveLrTarget() const {
  return m_momentum > 0.0 ? "d, accumulated in momentum_buffer" : "d";
}

std::vector<StateView> Rmsprop::state() const {
  std::vector<StateView> views{{"v", &m_v}};
  if (m_momentum > 0.0) views.push_back({"momentum_buffer", &m_momentumBuffer});
  if (m_centered) views.push_back({"grad_avg", &m_gradAvg});
  return views;
}

void Rmsprop::applyHyperparameters(const ParamValues& v) {
  m_alpha = v.real("alpha");
  m_eps = v.real("eps");
  m_weightDecay = v.real("weight_decay");
  m_momentum = v.real("momentum");
  m_centered = v.flag("centered");
  m_maximize = v.flag("maximize");
}

void Rmsprop::allocate(Eigen::Index n) {
  m_v = Eigen::VectorXd::Zero(n);
  m_momentumBuffer = Eigen::VectorXd::Zero(n);
  m_gradAvg = Eigen::VectorXd::Zero(n);
}

void Rmsprop::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_last = {lr(), m_eps, m_centered};
  rmspropKernel({p.size(), p.data(), g.data(), m_v.data(), m_gradAvg.data(),
                 m_momentumBuffer.data(), lr(), m_alpha, m_eps, m_weightDecay, m_momentum},
                m_maximize, m_centered);
}

void Rmsprop::computeEffectiveLr(Eigen::VectorXd& out) const {
  rmspropRateKernel(out.size(), m_v.data(), m_gradAvg.data(), out.data(), m_last.lr, m_last.eps,
                    m_last.centered);
}

void Rmsprop::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), alpha = m_alpha, oneMinusAlpha = 1.0 - m_alpha, eps = m_eps;
  const double mu = m_momentum;
  r.scalar("lr", "learning rate", lr).scalar("α", "smoothing constant", alpha);
  r.scalar("ε", "added to the root", eps);
  describeDirection(r, m_maximize, m_weightDecay);
  r.input("v", "before the step", m_v);
  r.line("v", "α·v + (1−α)·d²", [=](const RecipeRow& e) {
    return std::fma(oneMinusAlpha * e["d"], e["d"], e["v"] * alpha);
  });
  if (m_centered) {
    r.input("grad_avg", "before the step", m_gradAvg);
    r.line("grad_avg", "α·grad_avg + (1−α)·d", [=](const RecipeRow& e) {
      return std::fma(oneMinusAlpha, e["d"], e["grad_avg"] * alpha);
    });
    r.line("den", "√(v − grad_avg²) + ε",
           [=](const RecipeRow& e) { return rmsRoot<true>(e["v"], e["grad_avg"]) + eps; });
  } else {
    r.line("den", "√v + ε", [=](const RecipeRow& e) { return rmsRoot<false>(e["v"], 0.0) + eps; });
  }
  r.line("η_eff", "lr / den", [=](const RecipeRow& e) { return lr / e["den"]; });
  if (mu > 0.0) {
    r.scalar("μ", "momentum", mu);
    r.input("momentum_buffer", "before the step", m_momentumBuffer);
    r.line("momentum_buffer", "μ·momentum_buffer + d / den",
           [=](const RecipeRow& e) { return e["momentum_buffer"] * mu + e["d"] / e["den"]; });
    r.line("θ'", "θ − lr·momentum_buffer",
           [=](const RecipeRow& e) { return std::fma(-lr, e["momentum_buffer"], e["θ"]); });
  } else {
    r.line("θ'", "θ − lr·d / den",
           [=](const RecipeRow& e) { return e["θ"] + (-lr * e["d"]) / e["den"]; });
  }
}

}  // namespace optiscope

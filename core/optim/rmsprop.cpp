#include "core/optim/rmsprop.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"

namespace optiscope {
namespace {

struct RmspropArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* v;
  double* gradAvg;
  double* buffer;
  double* etaEff;
  double lr, alpha, eps, wd, mu;
};

struct RmspropLoop {
  template <bool kMaximize, bool kDecay, bool kCentered, bool kMomentum>
  [[gnu::always_inline]] static void run(const RmspropArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict v = a.v;
    double* __restrict gradAvg = a.gradAvg;
    double* __restrict buffer = a.buffer;
    double* __restrict etaEff = a.etaEff;
    const double alpha = a.alpha;
    OPTISCOPE_SIMD
    for (Eigen::Index i = 0; i < a.n; ++i) {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kDecay) d = std::fma(a.wd, p[i], d);
      v[i] = std::fma((1.0 - alpha) * d, d, v[i] * alpha);
      double root;
      if constexpr (kCentered) {
        gradAvg[i] = std::fma(1.0 - alpha, d, gradAvg[i] * alpha);
        root = std::sqrt(std::fma(-gradAvg[i], gradAvg[i], v[i]));
      } else {
        root = std::sqrt(v[i]);
      }
      const double den = root + a.eps;
      if constexpr (kMomentum) {
        buffer[i] = buffer[i] * a.mu + d / den;
        p[i] = std::fma(-a.lr, buffer[i], p[i]);
      } else {
        p[i] = p[i] + ((-a.lr) * d) / den;
      }
      etaEff[i] = a.lr / den;
    }
  }
};

OPTISCOPE_KERNEL void rmspropKernel(const RmspropArgs& a, bool maximize, bool centered) {
  kernels::dispatchFlags<RmspropLoop>(a, maximize, a.wd != 0.0, centered, a.mu > 0.0);
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
  rmspropKernel(
      {p.size(), p.data(), g.data(), m_v.data(), m_gradAvg.data(), m_momentumBuffer.data(),
       m_etaEff.data(), lr(), m_alpha, m_eps, m_weightDecay, m_momentum},
      m_maximize, m_centered);
}

}  // namespace optiscope

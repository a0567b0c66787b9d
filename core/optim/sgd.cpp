#include "core/optim/sgd.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

struct SgdArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* buffer;
  double* etaEff;
  double lr, mu, dampening, wd;
};

struct SgdLoop {
  template <bool kMaximize, bool kDecay, bool kMomentum, bool kNesterov, bool kFirstBuffer>
  [[gnu::always_inline]] static void run(const SgdArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict buffer = a.buffer;
    double* __restrict etaEff = a.etaEff;
    OPTISCOPE_SIMD
    for (Eigen::Index i = 0; i < a.n; ++i) {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kDecay) d = std::fma(a.wd, p[i], d);
      if constexpr (kMomentum) {
        buffer[i] = kFirstBuffer ? d : std::fma(1.0 - a.dampening, d, buffer[i] * a.mu);
        d = kNesterov ? std::fma(a.mu, buffer[i], d) : buffer[i];
      }
      p[i] = std::fma(-a.lr, d, p[i]);
      etaEff[i] = a.lr;
    }
  }
};

OPTISCOPE_KERNEL void sgdKernel(const SgdArgs& a, bool maximize, bool nesterov, bool firstBuffer) {
  kernels::dispatchFlags<SgdLoop>(a, maximize, a.wd != 0.0, a.mu != 0.0, nesterov, firstBuffer);
}

}  // namespace

OptimizerInfo Sgd::describe() {
  return {"sgd",
          "stochastic gradient descent with optional (Nesterov) momentum",
          "Robbins & Monro 1951; Polyak 1964; Sutskever et al., ICML 2013",
          {learningRateParam(0.01, "learning rate (torch requires it; 0.01 here)"),
           nonNegativeParam("momentum", 0.0, "momentum factor μ"),
           nonNegativeParam("dampening", 0.0, "dampening τ of the momentum"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           boolParam("nesterov", false, "Nesterov momentum"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Sgd>(); }};
}

std::string_view Sgd::effectiveLrTarget() const {
  return m_momentum != 0.0 ? "momentum_buffer" : "d";
}

std::vector<StateView> Sgd::state() const { return {{"momentum_buffer", &m_buffer}}; }

void Sgd::validate(const ParamValues& v) const {
  if (v.flag("nesterov") && (v.real("momentum") <= 0.0 || v.real("dampening") != 0.0))
    throw SpecError("sgd: nesterov requires momentum > 0 and dampening = 0");
}

void Sgd::applyHyperparameters(const ParamValues& v) {
  m_momentum = v.real("momentum");
  m_dampening = v.real("dampening");
  m_weightDecay = v.real("weight_decay");
  m_nesterov = v.flag("nesterov");
  m_maximize = v.flag("maximize");
}

void Sgd::allocate(Eigen::Index n) {
  m_buffer = Eigen::VectorXd::Zero(n);
  m_hasBuffer = false;
}

void Sgd::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const double mu = m_momentum;
  sgdKernel({p.size(), p.data(), g.data(), m_buffer.data(), m_etaEff.data(), lr(), mu, m_dampening,
             m_weightDecay},
            m_maximize, m_nesterov, mu != 0.0 && !m_hasBuffer);
  if (mu != 0.0) m_hasBuffer = true;
}

}  // namespace optiscope

#include "core/optim/sgd.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/update_recipe.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

struct SgdArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* buffer;
  double lr, mu, dampening, wd;
};

struct SgdLoop {
  template <bool kMaximize, bool kDecay, bool kMomentum, bool kNesterov, bool kFirstBuffer>
  [[gnu::always_inline]] static void run(const SgdArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict buffer = a.buffer;
    // Locals, not a.lr etc.: the compiler cannot prove that the stores leave `a` alone, and
    // reloading the scalars in every iteration kept the momentum loop from vectorizing.
    const double negativeLr = -a.lr, mu = a.mu, undamped = 1.0 - a.dampening, wd = a.wd;
    const Eigen::Index n = a.n;
    const auto body = [&](Eigen::Index i) OPTISCOPE_INLINE_LAMBDA {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kDecay) d = std::fma(wd, p[i], d);
      if constexpr (kMomentum) {
        const double b = kFirstBuffer ? d : std::fma(undamped, d, buffer[i] * mu);
        buffer[i] = b;
        d = kNesterov ? std::fma(mu, b, d) : b;
      }
      p[i] = std::fma(negativeLr, d, p[i]);
    };
    const Eigen::Index head = kernels::alignedHead(p, n);
    for (Eigen::Index i = 0; i < head; ++i) body(i);
    OPTISCOPE_SIMD
    for (Eigen::Index i = head; i < n; ++i) body(i);
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
  m_lastLr = lr();
  sgdKernel(
      {p.size(), p.data(), g.data(), m_buffer.data(), m_lastLr, mu, m_dampening, m_weightDecay},
      m_maximize, m_nesterov, mu != 0.0 && !m_hasBuffer);
  if (mu != 0.0) m_hasBuffer = true;
}

void Sgd::computeEffectiveLr(Eigen::VectorXd& out) const { kernels::fillConstant(out, m_lastLr); }

void Sgd::describeUpdate(UpdateRecipe& r) const {
  const double lr = this->lr(), mu = m_momentum, undamped = 1.0 - m_dampening;
  r.scalar("lr", "learning rate", lr);
  describeDirection(r, m_maximize, m_weightDecay);
  if (mu != 0.0) {
    r.scalar("μ", "momentum", mu).scalar("τ", "dampening", m_dampening);
    r.input("momentum_buffer", "before the step", m_buffer);
    if (!m_hasBuffer) {
      r.line("momentum_buffer", "d (the first step copies d)",
             [](const RecipeRow& e) { return e["d"]; });
    } else {
      r.line("momentum_buffer", "μ·momentum_buffer + (1−τ)·d", [=](const RecipeRow& e) {
        return std::fma(undamped, e["d"], e["momentum_buffer"] * mu);
      });
    }
    if (m_nesterov) {
      r.line("d", "d + μ·momentum_buffer (Nesterov)",
             [=](const RecipeRow& e) { return std::fma(mu, e["momentum_buffer"], e["d"]); });
    } else {
      r.line("d", "momentum_buffer", [](const RecipeRow& e) { return e["momentum_buffer"]; });
    }
  }
  r.line("η_eff", "lr", [=](const RecipeRow&) { return lr; });
  r.line("θ'", "θ − lr·d", [=](const RecipeRow& e) { return std::fma(-lr, e["d"], e["θ"]); });
}

}  // namespace optiscope

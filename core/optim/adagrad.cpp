#include "core/optim/adagrad.h"

#include <cmath>

#include "core/optim/kernel_dispatch.h"
#include "core/optim/update_recipe.h"

namespace optiscope {
namespace {

struct AdagradArgs {
  Eigen::Index n;
  double* p;
  const double* g;
  double* sum;
  double clr, wd, eps;
};

struct AdagradLoop {
  template <bool kMaximize, bool kDecay>
  [[gnu::always_inline]] static void run(const AdagradArgs& a) {
    double* __restrict p = a.p;
    const double* __restrict g = a.g;
    double* __restrict sum = a.sum;
    // Locals: see SgdLoop.
    const double negativeClr = -a.clr, wd = a.wd, eps = a.eps;
    const Eigen::Index n = a.n;
    const auto body = [&](Eigen::Index i) OPTISCOPE_INLINE_LAMBDA {
      double d = kMaximize ? -g[i] : g[i];
      if constexpr (kDecay) d = std::fma(wd, p[i], d);
      const double s = std::fma(d, d, sum[i]);
      sum[i] = s;
      p[i] = p[i] + (negativeClr * d) / (std::sqrt(s) + eps);
    };
    const Eigen::Index head = kernels::alignedHead(p, n);
    for (Eigen::Index i = 0; i < head; ++i) body(i);
    OPTISCOPE_SIMD
    for (Eigen::Index i = head; i < n; ++i) body(i);
  }
};

OPTISCOPE_KERNEL void adagradKernel(const AdagradArgs& a, bool maximize) {
  kernels::dispatchFlags<AdagradLoop>(a, maximize, a.wd != 0.0);
}

// η_eff = clr/(sqrt(sum)+eps), the denominator of the step. A kernel like the step's: the
// engine reads η_eff after every step.
OPTISCOPE_KERNEL void adagradRateKernel(Eigen::Index n, const double* __restrict sum,
                                        double* __restrict out, double clr, double eps) {
  OPTISCOPE_SIMD
  for (Eigen::Index i = 0; i < n; ++i) out[i] = clr / (std::sqrt(sum[i]) + eps);
}

}  // namespace

OptimizerInfo Adagrad::describe() {
  return {"adagrad",
          "per-parameter rate lr/sqrt(sum of squared gradients)",
          "Duchi, Hazan & Singer, JMLR 2011",
          {learningRateParam(1e-2),
           nonNegativeParam("lr_decay", 0.0, "lr is divided by 1 + (t-1)·lr_decay"),
           nonNegativeParam("weight_decay", 0.0, "L2 penalty added to the gradient"),
           nonNegativeParam("initial_accumulator_value", 0.0, "starting value of sum"),
           positiveParam("eps", 1e-10, "added to sqrt(sum) in the denominator"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Adagrad>(); }};
}

std::vector<StateView> Adagrad::state() const { return {{"sum", &m_sum}}; }

void Adagrad::applyHyperparameters(const ParamValues& v) {
  m_lrDecay = v.real("lr_decay");
  m_weightDecay = v.real("weight_decay");
  m_initialAccumulator = v.real("initial_accumulator_value");
  m_eps = v.real("eps");
  m_maximize = v.flag("maximize");
}

void Adagrad::allocate(Eigen::Index n) {
  m_t = 0.0f;
  m_sum = Eigen::VectorXd::Constant(n, m_initialAccumulator);
}

void Adagrad::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_t += 1.0f;
  const double t = m_t;
  const double clr = lr() / (1.0 + (t - 1.0) * m_lrDecay);
  m_last = {clr, m_eps};
  adagradKernel({p.size(), p.data(), g.data(), m_sum.data(), clr, m_weightDecay, m_eps},
                m_maximize);
}

void Adagrad::computeEffectiveLr(Eigen::VectorXd& out) const {
  adagradRateKernel(out.size(), m_sum.data(), out.data(), m_last.clr, m_last.eps);
}

void Adagrad::describeUpdate(UpdateRecipe& r) const {
  const float nextT = m_t + 1.0f;  // the step's float32 counter, as update() increments it
  const double t = nextT, eps = m_eps;
  const double clr = lr() / (1.0 + (t - 1.0) * m_lrDecay);
  r.scalar("lr", "learning rate", lr()).scalar("lr_decay", "learning-rate decay", m_lrDecay);
  r.scalar("ε", "added to √sum", eps).scalar("t", "step", t);
  r.scalar("clr", "lr / (1 + (t−1)·lr_decay)", clr);
  describeDirection(r, m_maximize, m_weightDecay);
  r.input("sum", "before the step", m_sum);
  r.line("sum", "sum + d²", [](const RecipeRow& e) { return std::fma(e["d"], e["d"], e["sum"]); });
  r.line("η_eff", "clr / (√sum + ε)",
         [=](const RecipeRow& e) { return clr / (std::sqrt(e["sum"]) + eps); });
  r.line("θ'", "θ − clr·d / (√sum + ε)", [=](const RecipeRow& e) {
    return e["θ"] + (-clr * e["d"]) / (std::sqrt(e["sum"]) + eps);
  });
}

}  // namespace optiscope

#include "core/optim/rprop.h"

#include <algorithm>
#include <cmath>

#include "core/optim/torch_scalars.h"
#include "core/optim/update_recipe.h"
#include "core/util/spec_error.h"

namespace optiscope {
OptimizerInfo Rprop::describe() {
  return {"rprop",
          "sign-based steps whose per-parameter size grows and shrinks with sign agreement",
          "Riedmiller & Braun, The RPROP Algorithm, IEEE ICNN 1993",
          {learningRateParam(1e-2, "initial step size (read at the first step only)"),
           realParam("eta_minus", 0.5, "step-size factor after a sign change", 0.0, 1.0,
                     /*minInclusive=*/false, /*maxInclusive=*/false),
           realParam("eta_plus", 1.2, "step-size factor while the sign holds", 1.0, INFINITY,
                     /*minInclusive=*/false),
           nonNegativeParam("step_min", 1e-6, "smallest step size"),
           nonNegativeParam("step_max", 50.0, "largest step size"),
           boolParam("maximize", false, "ascend instead of descend")},
          [] { return std::make_unique<Rprop>(); }};
}

std::vector<StateView> Rprop::state() const {
  return {{"prev", &m_prev}, {"step_size", &m_stepSize}};
}

void Rprop::validate(const ParamValues& v) const {
  // torch does not check this; its clamp would then pin every step to step_max.
  if (v.real("step_min") > v.real("step_max"))
    throw SpecError("rprop: step_min must be <= step_max, got " + formatDouble(v.real("step_min")) +
                    " > " + formatDouble(v.real("step_max")));
}

void Rprop::applyHyperparameters(const ParamValues& v) {
  m_etaMinus = v.real("eta_minus");
  m_etaPlus = v.real("eta_plus");
  m_stepMin = v.real("step_min");
  m_stepMax = v.real("step_max");
  m_maximize = v.flag("maximize");
}

void Rprop::allocate(Eigen::Index n) {
  m_prev = Eigen::VectorXd::Zero(n);
  m_stepSize = Eigen::VectorXd::Zero(n);
}

void Rprop::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  if (m_steps == 0) m_stepSize.setConstant(lr());  // torch reads lr only to create the state
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    double d = m_maximize ? -g[i] : g[i];
    // The sign of the product, not the product of signs: an underflow to 0 counts as "no sign".
    const double agreement = torchSign(d * m_prev[i]);
    const double factor = agreement > 0.0 ? m_etaPlus : agreement < 0.0 ? m_etaMinus : 1.0;
    m_stepSize[i] = std::min(std::max(m_stepSize[i] * factor, m_stepMin), m_stepMax);
    if (factor == m_etaMinus) d = 0.0;
    p[i] = std::fma(-torchSign(d), m_stepSize[i], p[i]);
    m_prev[i] = d;
  }
}

void Rprop::computeEffectiveLr(Eigen::VectorXd& out) const {
  out = m_stepSize;  // same size: no allocation
}

void Rprop::describeUpdate(UpdateRecipe& r) const {
  const double etaPlus = m_etaPlus, etaMinus = m_etaMinus, low = m_stepMin, high = m_stepMax;
  r.scalar("η+", "growth factor", etaPlus).scalar("η−", "shrink factor", etaMinus);
  r.scalar("step_min", "smallest step", low).scalar("step_max", "largest step", high);
  if (m_steps == 0) {
    const double lr = this->lr();
    r.scalar("lr", "learning rate: the first step size", lr);
    r.line("step_size", "lr (created at the first step)", [=](const RecipeRow&) { return lr; });
  } else {
    r.input("step_size", "before the step", m_stepSize);
  }
  r.input("prev", "the last step's d", m_prev);
  describeDirection(r, m_maximize, 0.0);
  r.line("s", "sign(d·prev)", [](const RecipeRow& e) { return torchSign(e["d"] * e["prev"]); });
  r.line("f", "η+ if s > 0, η− if s < 0, else 1", [=](const RecipeRow& e) {
    return e["s"] > 0.0 ? etaPlus : e["s"] < 0.0 ? etaMinus : 1.0;
  });
  r.line("step_size", "clamp(step_size·f, step_min, step_max)", [=](const RecipeRow& e) {
    return std::min(std::max(e["step_size"] * e["f"], low), high);
  });
  r.line("d", "0 if f = η− (a sign change: no move), else d",
         [=](const RecipeRow& e) { return e["f"] == etaMinus ? 0.0 : e["d"]; });
  r.line("θ'", "θ − sign(d)·step_size",
         [](const RecipeRow& e) { return std::fma(-torchSign(e["d"]), e["step_size"], e["θ"]); });
  r.line("prev", "d", [](const RecipeRow& e) { return e["d"]; });
  r.line("η_eff", "step_size", [](const RecipeRow& e) { return e["step_size"]; });
}

}  // namespace optiscope

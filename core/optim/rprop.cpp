#include "core/optim/rprop.h"

#include <algorithm>
#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

double sign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0; }

}  // namespace

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
    const double agreement = sign(d * m_prev[i]);
    const double factor = agreement > 0.0 ? m_etaPlus : agreement < 0.0 ? m_etaMinus : 1.0;
    m_stepSize[i] = std::min(std::max(m_stepSize[i] * factor, m_stepMin), m_stepMax);
    if (factor == m_etaMinus) d = 0.0;
    p[i] = std::fma(-sign(d), m_stepSize[i], p[i]);
    m_prev[i] = d;
  }
}

void Rprop::computeEffectiveLr(Eigen::VectorXd& out) const {
  out = m_stepSize;  // same size: no allocation
}

}  // namespace optiscope

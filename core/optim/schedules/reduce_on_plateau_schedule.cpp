#include "core/optim/schedules/reduce_on_plateau_schedule.h"

#include <cmath>
#include <stdexcept>

namespace optiscope {

ScheduleInfo ReduceOnPlateauSchedule::describe() {
  return {"reduce_on_plateau",
          "lr·factor when the loss stops improving for patience steps (torch ReduceLROnPlateau)",
          {choiceParam("mode", "min", {"min", "max"}, "whether the metric should fall or rise"),
           realParam("factor", 0.1, "multiplier at each reduction", 0.0, 1.0, false, false),
           integerParam("patience", 10, "steps without improvement tolerated", 0),
           nonNegativeParam("threshold", 1e-4, "margin by which a metric must beat the best"),
           choiceParam("threshold_mode", "rel", {"rel", "abs"},
                       "threshold relative to the best metric, or absolute"),
           integerParam("cooldown", 0, "steps after a reduction that do not count as bad", 0),
           nonNegativeParam("min_lr", 0.0, "lr never goes below this"),
           nonNegativeParam("eps", 1e-8, "reductions smaller than this are skipped")},
          [](const ParamValues& v) { return std::make_unique<ReduceOnPlateauSchedule>(v); }};
}

ReduceOnPlateauSchedule::ReduceOnPlateauSchedule(const ParamValues& v)
    : m_maximize(v.text("mode") == "max"),
      m_relative(v.text("threshold_mode") == "rel"),
      m_factor(v.real("factor")),
      m_patience(v.integer("patience")),
      m_threshold(v.real("threshold")),
      m_cooldown(v.integer("cooldown")),
      m_minLr(v.real("min_lr")),
      m_eps(v.real("eps")) {}

void ReduceOnPlateauSchedule::construct(Optimizer&, SchedulerGroup&) {
  m_best = m_maximize ? -INFINITY : INFINITY;
  m_badSteps = 0;
  m_cooldownLeft = 0;
  m_lastEpoch = 0;
}

bool ReduceOnPlateauSchedule::isBetter(double a) const {
  if (!m_maximize) return m_relative ? a < m_best * (1.0 - m_threshold) : a < m_best - m_threshold;
  return m_relative ? a > m_best * (m_threshold + 1.0) : a > m_best + m_threshold;
}

void ReduceOnPlateauSchedule::advance(Optimizer& optimizer, SchedulerGroup&, double metric) {
  ++m_lastEpoch;
  if (isBetter(metric)) {
    m_best = metric;
    m_badSteps = 0;
  } else {
    ++m_badSteps;
  }
  if (m_cooldownLeft > 0) {
    --m_cooldownLeft;
    m_badSteps = 0;
  }
  if (m_badSteps > m_patience) {
    const double oldLr = optimizer.lr();
    const double reduced = oldLr * m_factor;
    // Python's max(reduced, min_lr) keeps the first argument unless the second is larger.
    const double newLr = m_minLr > reduced ? m_minLr : reduced;
    if (oldLr - newLr > m_eps) optimizer.setLr(newLr);
    m_cooldownLeft = m_cooldown;
    m_badSteps = 0;
  }
}

void ReduceOnPlateauSchedule::jumpToEpochZero(Optimizer&, SchedulerGroup&) {
  throw std::logic_error("reduce_on_plateau cannot be part of a sequence");
}

std::string ReduceOnPlateauSchedule::sequenceRestriction(bool) const {
  return "reduce_on_plateau cannot be part of a sequence (torch's SequentialLR cannot step a "
         "ReduceLROnPlateau)";
}

}  // namespace optiscope

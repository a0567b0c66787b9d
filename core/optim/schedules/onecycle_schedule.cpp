#include "core/optim/schedules/onecycle_schedule.h"

#include <cmath>
#include <numbers>

#include "core/optim/schedules/momentum_cycling.h"
#include "core/util/spec_error.h"

namespace optiscope {

ScheduleInfo OnecycleSchedule::describe() {
  return {
      "onecycle",
      "one cycle: lr warms up to max_lr, then anneals far below the start; momentum cycles "
      "inversely (torch OneCycleLR); holds its final values after total_steps",
      {nonNegativeParam("max_lr", 0.0, "peak lr (0 = use the optimizer's configured lr)"),
       integerParam("total_steps", 1000, "steps in the cycle (torch requires it; 1000 here)", 1),
       realParam("pct_start", 0.3, "fraction of the cycle spent increasing the lr", 0.0, 1.0),
       choiceParam("anneal_strategy", "cos", {"cos", "linear"}, "shape of each phase"),
       boolParam("cycle_momentum", true,
                 "cycle momentum (or beta1) inversely to the lr; needs an optimizer with one"),
       betaParam("base_momentum", 0.85, "momentum at the lr peak"),
       betaParam("max_momentum", 0.95, "momentum at the start and the end"),
       positiveParam("div_factor", 25.0, "starting lr = max_lr/div_factor"),
       positiveParam("final_div_factor", 1e4, "final lr = starting lr/final_div_factor"),
       boolParam("three_phase", false,
                 "return to the starting lr before the final descent (the paper's schedule)")},
      [](const ParamValues& v) { return std::make_unique<OnecycleSchedule>(v); }};
}

OnecycleSchedule::OnecycleSchedule(const ParamValues& v)
    : m_maxLr(v.real("max_lr")),
      m_totalSteps(v.integer("total_steps")),
      m_cosine(v.text("anneal_strategy") == "cos"),
      m_cycleMomentum(v.flag("cycle_momentum")),
      m_baseMomentum(v.real("base_momentum")),
      m_maxMomentum(v.real("max_momentum")),
      m_divFactor(v.real("div_factor")),
      m_finalDivFactor(v.real("final_div_factor")) {
  const double pct = v.real("pct_start");
  const double steps = static_cast<double>(m_totalSteps);
  const double firstEnd = pct * steps - 1.0;
  // torch would divide 0 by 0 for the very first lr.
  if (firstEnd == 0.0)
    throw SpecError("onecycle: pct_start·total_steps must not be exactly 1 (got pct_start=" +
                    formatDouble(pct) + ", total_steps=" + std::to_string(m_totalSteps) +
                    "): the warm-up phase would have no length");
  const double last = static_cast<double>(m_totalSteps - 1);
  if (v.flag("three_phase"))
    m_phases = {{firstEnd, Lr::Initial, Lr::Max, Momentum::Max, Momentum::Base},
                {2.0 * pct * steps - 2.0, Lr::Max, Lr::Initial, Momentum::Base, Momentum::Max},
                {last, Lr::Initial, Lr::Min, Momentum::Max, Momentum::Max}};
  else
    m_phases = {{firstEnd, Lr::Initial, Lr::Max, Momentum::Max, Momentum::Base},
                {last, Lr::Max, Lr::Min, Momentum::Base, Momentum::Max}};
}

double OnecycleSchedule::lrAt(const SchedulerGroup& group, Lr which) {
  switch (which) {
    case Lr::Initial:
      return *group.initialLr;
    case Lr::Max:
      return group.maxLr;
    case Lr::Min:
      break;
  }
  return group.minLr;
}

double OnecycleSchedule::momentumAt(const SchedulerGroup& group, Momentum which) {
  return which == Momentum::Max ? group.maxMomentum : group.baseMomentum;
}

double OnecycleSchedule::anneal(double start, double end, double pct) const {
  if (!m_cosine) return (end - start) * pct + start;
  const double cosOut = std::cos(std::numbers::pi * pct) + 1.0;
  return end + (start - end) / 2.0 * cosOut;
}

void OnecycleSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  const double maxLr = m_maxLr > 0.0 ? m_maxLr : optimizer.hyperparameters().real("lr");
  group.initialLr = maxLr / m_divFactor;
  group.maxLr = maxLr;
  group.minLr = *group.initialLr / m_finalDivFactor;
  if (m_cycleMomentum) {
    requireCyclableMomentum(optimizer, "onecycle", true);
    optimizer.setMomentum(m_maxMomentum);
    group.maxMomentum = m_maxMomentum;
    group.baseMomentum = m_baseMomentum;
  }
  initialize(optimizer, group);
}

void OnecycleSchedule::update(Optimizer& optimizer, const SchedulerGroup& group) {
  if (m_lastEpoch > m_totalSteps) return;  // torch raises here
  const double k = static_cast<double>(m_lastEpoch);
  double start = 0.0;
  for (size_t i = 0; i < m_phases.size(); ++i) {
    const Phase& phase = m_phases[i];
    if (k <= phase.endStep || i + 1 == m_phases.size()) {
      if (phase.endStep == start) return;  // torch divides by zero here
      const double pct = (k - start) / (phase.endStep - start);
      optimizer.setLr(anneal(lrAt(group, phase.startLr), lrAt(group, phase.endLr), pct));
      if (m_cycleMomentum)
        optimizer.setMomentum(anneal(momentumAt(group, phase.startMomentum),
                                     momentumAt(group, phase.endMomentum), pct));
      return;
    }
    start = phase.endStep;
  }
}

}  // namespace optiscope

#include "core/optim/schedules/step_schedule.h"

#include <cmath>

namespace optiscope {

ScheduleInfo StepSchedule::describe() {
  return {"step",
          "lr·gamma every step_size steps (torch StepLR)",
          {integerParam("step_size", 100, "steps between decays (torch requires it; 100 here)", 1),
           realParam("gamma", 0.1, "multiplier at each decay", 0.0, INFINITY, false)},
          [](const ParamValues& v) { return std::make_unique<StepSchedule>(v); }};
}

StepSchedule::StepSchedule(const ParamValues& v)
    : m_stepSize(v.integer("step_size")), m_gamma(v.real("gamma")) {}

void StepSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void StepSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  if (m_lastEpoch != 0 && m_lastEpoch % m_stepSize == 0) optimizer.setLr(optimizer.lr() * m_gamma);
}

void StepSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  m_lastEpoch = 0;
  optimizer.setLr(m_baseLr * std::pow(m_gamma, static_cast<double>(m_lastEpoch / m_stepSize)));
}

}  // namespace optiscope

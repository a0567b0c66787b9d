#include "core/optim/schedules/exponential_schedule.h"

#include <cmath>

namespace optiscope {

ScheduleInfo ExponentialSchedule::describe() {
  return {"exponential",
          "lr·gamma after every step (torch ExponentialLR)",
          {realParam("gamma", 0.99, "multiplier per step (torch requires it; 0.99 here)", 0.0,
                     INFINITY, false)},
          [](const ParamValues& v) { return std::make_unique<ExponentialSchedule>(v); }};
}

ExponentialSchedule::ExponentialSchedule(const ParamValues& v) : m_gamma(v.real("gamma")) {}

void ExponentialSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void ExponentialSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  if (m_lastEpoch != 0) optimizer.setLr(optimizer.lr() * m_gamma);
}

void ExponentialSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  m_lastEpoch = 0;
  optimizer.setLr(m_baseLr * std::pow(m_gamma, static_cast<double>(m_lastEpoch)));
}

}  // namespace optiscope

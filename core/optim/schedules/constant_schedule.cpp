#include "core/optim/schedules/constant_schedule.h"

namespace optiscope {

ScheduleInfo ConstantSchedule::describe() {
  return {"constant",
          "constant lr; optionally lr·factor for the first total_iters steps (torch ConstantLR)",
          {realParam("factor", 1.0, "multiplier during the first total_iters steps", 0.0, 1.0,
                     false, true),
           integerParam("total_iters", 0, "steps at lr·factor (0: factor applies for ever)", 0)},
          [](const ParamValues& v) { return std::make_unique<ConstantSchedule>(v); }};
}

ConstantSchedule::ConstantSchedule(const ParamValues& v)
    : m_factor(v.real("factor")), m_totalIters(v.integer("total_iters")) {}

void ConstantSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void ConstantSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  if (m_lastEpoch == 0)
    optimizer.setLr(optimizer.lr() * m_factor);
  else if (m_lastEpoch == m_totalIters)
    optimizer.setLr(optimizer.lr() * (1.0 / m_factor));
}

void ConstantSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  m_lastEpoch = 0;
  const double reached = m_lastEpoch >= m_totalIters ? 1.0 - m_factor : 0.0;
  optimizer.setLr(m_baseLr * (m_factor + reached));
}

}  // namespace optiscope

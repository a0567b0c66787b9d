#include "core/optim/schedules/linear_schedule.h"

#include <algorithm>

namespace optiscope {

ScheduleInfo LinearSchedule::describe() {
  // start_factor 0 is excluded because torch divides by T·start_factor at the first step.
  return {"linear",
          "lr·factor, the factor moving linearly from start_factor to end_factor over "
          "total_iters steps; a warm-up by default (torch LinearLR)",
          {realParam("start_factor", 1.0 / 3, "multiplier at step 0", 0.0, 1.0, false, true),
           realParam("end_factor", 1.0, "multiplier from step total_iters on", 0.0, 1.0),
           integerParam("total_iters", 5, "steps from start_factor to end_factor", 1)},
          [](const ParamValues& v) { return std::make_unique<LinearSchedule>(v); }};
}

LinearSchedule::LinearSchedule(const ParamValues& v)
    : m_start(v.real("start_factor")),
      m_end(v.real("end_factor")),
      m_totalIters(v.integer("total_iters")) {}

void LinearSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void LinearSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  const double lr = optimizer.lr();
  if (m_lastEpoch == 0) {
    optimizer.setLr(lr * m_start);
  } else if (m_lastEpoch <= m_totalIters) {
    const double t = static_cast<double>(m_totalIters);
    const double previous = static_cast<double>(m_lastEpoch - 1);
    optimizer.setLr(lr * (1.0 + (m_end - m_start) / (t * m_start + previous * (m_end - m_start))));
  }
}

void LinearSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  m_lastEpoch = 0;
  const double t = static_cast<double>(m_totalIters);
  const double done = static_cast<double>(std::min(m_totalIters, m_lastEpoch));
  optimizer.setLr(m_baseLr * (m_start + (m_end - m_start) * done / t));
}

}  // namespace optiscope

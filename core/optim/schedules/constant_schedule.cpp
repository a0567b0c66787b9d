#include "core/optim/schedules/constant_schedule.h"

namespace optiscope {

ScheduleInfo ConstantSchedule::describe() {
  return {"constant",
          "constant lr; optionally lr·factor for the first total_iters steps (torch ConstantLR)",
          {realParam("factor", 1.0, "multiplier during the first total_iters steps", 0.0, 1.0,
                     false, true),
           integerParam("total_iters", 0, "steps at lr·factor", 0)},
          [](const ParamValues& v) { return std::make_unique<ConstantSchedule>(v); }};
}

ConstantSchedule::ConstantSchedule(const ParamValues& v)
    : m_factor(v.real("factor")), m_totalIters(v.integer("total_iters")) {}

void ConstantSchedule::attach(Optimizer& optimizer) {
  m_epoch = 0;
  const double lr = optimizer.hyperparameters().real("lr");
  optimizer.setLr(m_totalIters > 0 ? lr * m_factor : lr);
}

void ConstantSchedule::step(Optimizer& optimizer, double) {
  ++m_epoch;
  // torch's chainable form: at k == total_iters the lr is divided back by the factor.
  if (m_totalIters > 0 && m_epoch == m_totalIters)
    optimizer.setLr(optimizer.lr() * (1.0 / m_factor));
}

}  // namespace optiscope

#include "core/optim/schedules/cyclic_schedule.h"

#include <cmath>

#include "core/optim/schedules/momentum_cycling.h"

namespace optiscope {

ScheduleInfo CyclicSchedule::describe() {
  return {
      "cyclic",
      "lr cycling in a triangle between base_lr and max_lr, momentum inversely (torch CyclicLR)",
      {nonNegativeParam("base_lr", 0.0, "lower lr (0 = max_lr/10)"),
       nonNegativeParam("max_lr", 0.0, "upper lr (0 = the optimizer's configured lr)"),
       integerParam("step_size_up", 2000, "steps from base_lr up to max_lr", 1),
       integerParam("step_size_down", 0, "steps from max_lr down to base_lr (0 = step_size_up)", 0),
       choiceParam("mode", "triangular", {"triangular", "triangular2", "exp_range"},
                   "amplitude: constant, halved every cycle, or times gamma^step"),
       realParam("gamma", 1.0, "exp_range amplitude factor per step", 0.0, INFINITY, false),
       boolParam("cycle_momentum", true,
                 "cycle momentum inversely to the lr; needs an optimizer with 'momentum'"),
       betaParam("base_momentum", 0.8, "momentum at the lr peak"),
       betaParam("max_momentum", 0.9, "momentum at base_lr")},
      [](const ParamValues& v) { return std::make_unique<CyclicSchedule>(v); }};
}

CyclicSchedule::CyclicSchedule(const ParamValues& v)
    : m_baseLrSetting(v.real("base_lr")),
      m_maxLrSetting(v.real("max_lr")),
      m_gamma(v.real("gamma")),
      m_cycleMomentum(v.flag("cycle_momentum")),
      m_baseMomentum(v.real("base_momentum")),
      m_maxMomentum(v.real("max_momentum")) {
  const double up = static_cast<double>(v.integer("step_size_up"));
  const long long down = v.integer("step_size_down");
  m_totalSize = up + (down > 0 ? static_cast<double>(down) : up);
  m_stepRatio = up / m_totalSize;
  const std::string& mode = v.text("mode");
  m_mode = mode == "triangular"    ? Mode::Triangular
           : mode == "triangular2" ? Mode::Triangular2
                                   : Mode::ExpRange;
}

void CyclicSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  m_maxLr = m_maxLrSetting > 0.0 ? m_maxLrSetting : optimizer.hyperparameters().real("lr");
  const double baseLr = m_baseLrSetting > 0.0 ? m_baseLrSetting : m_maxLr / 10.0;
  optimizer.setLr(baseLr);
  if (m_cycleMomentum) {
    requireCyclableMomentum(optimizer, "cyclic", false);
    optimizer.setMomentum(m_baseMomentum);
  }
  // torch's initial step runs with base_lrs = initial_lr; only afterwards does CyclicLR put its
  // own base_lr in, which differs inside a sequence.
  initialize(optimizer, group);
  m_baseLr = baseLr;
}

double CyclicSchedule::scale(long long cycle) const {
  switch (m_mode) {
    case Mode::Triangular:
      return 1.0;
    case Mode::Triangular2:
      return 1.0 / std::pow(2.0, static_cast<double>(cycle - 1));
    case Mode::ExpRange:
      break;
  }
  return std::pow(m_gamma, static_cast<double>(m_lastEpoch));
}

void CyclicSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  const double progress = static_cast<double>(m_lastEpoch) / m_totalSize;
  const long long cycle = static_cast<long long>(std::floor(1.0 + progress));
  const double x = 1.0 + progress - static_cast<double>(cycle);
  const double factor = x <= m_stepRatio ? x / m_stepRatio : (x - 1.0) / (m_stepRatio - 1.0);
  const double s = scale(cycle);
  optimizer.setLr(m_baseLr + (m_maxLr - m_baseLr) * factor * s);
  if (m_cycleMomentum)
    optimizer.setMomentum(m_maxMomentum - (m_maxMomentum - m_baseMomentum) * factor * s);
}

}  // namespace optiscope

#include "core/optim/schedules/cosine_restarts_schedule.h"

#include <cmath>
#include <numbers>

namespace optiscope {

ScheduleInfo CosineRestartsSchedule::describe() {
  return {"cosine_restarts",
          "cosine annealing that restarts at lr, each period t_mult times longer "
          "(torch CosineAnnealingWarmRestarts, SGDR)",
          {integerParam("t_0", 50, "steps in the first period (torch requires it; 50 here)", 1),
           integerParam("t_mult", 1, "growth factor of the period after each restart", 1),
           nonNegativeParam("eta_min", 0.0, "lowest lr")},
          [](const ParamValues& v) { return std::make_unique<CosineRestartsSchedule>(v); }};
}

CosineRestartsSchedule::CosineRestartsSchedule(const ParamValues& v)
    : m_t0(v.integer("t_0")), m_tMult(v.integer("t_mult")), m_etaMin(v.real("eta_min")) {
  m_tI = m_t0;
}

void CosineRestartsSchedule::restart() {
  m_tI = m_t0;
  m_tCur = 0;
  m_lastEpoch = 0;
}

void CosineRestartsSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  m_tI = m_t0;
  m_tCur = -1;
  initialize(optimizer, group);
}

void CosineRestartsSchedule::advance(Optimizer& optimizer, SchedulerGroup& group, double) {
  if (m_lastEpoch < 0) {
    restart();
  } else {
    ++m_lastEpoch;
    if (++m_tCur >= m_tI) {
      m_tCur -= m_tI;
      m_tI *= m_tMult;
    }
  }
  update(optimizer, group);
}

void CosineRestartsSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) {
  restart();
  update(optimizer, group);
}

void CosineRestartsSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  constexpr double pi = std::numbers::pi;
  const double angle = pi * static_cast<double>(m_tCur) / static_cast<double>(m_tI);
  optimizer.setLr(m_etaMin + (m_baseLr - m_etaMin) * (1.0 + std::cos(angle)) / 2.0);
}

}  // namespace optiscope

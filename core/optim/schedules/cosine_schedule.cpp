#include "core/optim/schedules/cosine_schedule.h"

#include <cmath>
#include <numbers>

namespace optiscope {

ScheduleInfo CosineSchedule::describe() {
  return {"cosine",
          "cosine annealing from lr to eta_min over t_max steps, then back up, periodically "
          "(torch CosineAnnealingLR)",
          {integerParam("t_max", 100, "steps of one half period (torch requires it; 100 here)", 1),
           nonNegativeParam("eta_min", 0.0, "lowest lr")},
          [](const ParamValues& v) { return std::make_unique<CosineSchedule>(v); }};
}

CosineSchedule::CosineSchedule(const ParamValues& v)
    : m_tMax(v.integer("t_max")), m_etaMin(v.real("eta_min")) {}

void CosineSchedule::construct(Optimizer& optimizer, SchedulerGroup& group) {
  initialize(optimizer, group);
}

void CosineSchedule::update(Optimizer& optimizer, const SchedulerGroup&) {
  constexpr double pi = std::numbers::pi;
  const long long k = m_lastEpoch;
  const double t = static_cast<double>(m_tMax);
  const double lr = optimizer.lr();
  // torch's extra `_step_count == 1 and last_epoch > 0` branch serves only construction with a
  // given last_epoch (resuming), which never happens here, not even inside a sequence.
  if (k == 0) return;
  if ((k - 1 - m_tMax) % (2 * m_tMax) == 0) {
    optimizer.setLr(lr + (m_baseLr - m_etaMin) * (1.0 - std::cos(pi / t)) / 2.0);
    return;
  }
  const double now = 1.0 + std::cos(pi * static_cast<double>(k) / t);
  const double before = 1.0 + std::cos(pi * static_cast<double>(k - 1) / t);
  optimizer.setLr(now / before * (lr - m_etaMin) + m_etaMin);
}

void CosineSchedule::jumpToEpochZero(Optimizer& optimizer, SchedulerGroup&) {
  constexpr double pi = std::numbers::pi;
  m_lastEpoch = 0;
  const double angle = pi * static_cast<double>(m_lastEpoch) / static_cast<double>(m_tMax);
  optimizer.setLr(m_etaMin + (m_baseLr - m_etaMin) * (1.0 + std::cos(angle)) / 2.0);
}

}  // namespace optiscope

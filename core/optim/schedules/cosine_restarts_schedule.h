#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch CosineAnnealingWarmRestarts (SGDR): η = η_min + (η0 − η_min)·(1 + cos(π·T_cur/T_i))/2,
// computed directly (not chained). T_cur counts steps since the last restart; on reaching T_i
// it wraps to 0 and the next period is T_i·t_mult steps long (T_0 = t_0).
class CosineRestartsSchedule : public ClonableScheduler<CosineRestartsSchedule> {
 public:
  static ScheduleInfo describe();
  explicit CosineRestartsSchedule(const ParamValues& values);

  std::string_view name() const override { return "cosine_restarts"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  // torch overrides step() itself: a negative last_epoch (the initial step) means epoch 0.
  void advance(Optimizer& optimizer, SchedulerGroup& group, double metric) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  void restart();

  long long m_t0, m_tMult;
  double m_etaMin;
  long long m_tCur = -1, m_tI;
};

}  // namespace optiscope

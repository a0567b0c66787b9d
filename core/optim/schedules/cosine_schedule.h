#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch CosineAnnealingLR: η(k) = η_min + (η0 − η_min)·(1 + cos(π·k/T))/2 with T = t_max.
// Past T it does not stop: like torch it continues periodically (the lr rises again, period
// 2T). Evaluated as torch's chainable recursion, for bitwise parity:
//   (k−1−T) mod 2T = 0:  η ← η + (η0 − η_min)·(1 − cos(π/T))/2
//   otherwise (k > 0):   η ← (1 + cos(π·k/T)) / (1 + cos(π·(k−1)/T))·(η − η_min) + η_min
class CosineSchedule : public ClonableScheduler<CosineSchedule> {
 public:
  static ScheduleInfo describe();
  explicit CosineSchedule(const ParamValues& values);

  std::string_view name() const override { return "cosine"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  long long m_tMax;
  double m_etaMin;
};

}  // namespace optiscope

#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch LinearLR, the usual warm-up: η(k) = η0·(s + (e−s)·min(k,T)/T) with s = start_factor,
// e = end_factor, T = total_iters. Chainable form, as torch:
//   k = 0: η ← η·s;   1 ≤ k ≤ T: η ← η·(1 + (e−s)/(T·s + (k−1)·(e−s)));   k > T: unchanged.
class LinearSchedule : public ClonableScheduler<LinearSchedule> {
 public:
  static ScheduleInfo describe();
  explicit LinearSchedule(const ParamValues& values);

  std::string_view name() const override { return "linear"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  double m_start, m_end;
  long long m_totalIters;
};

}  // namespace optiscope

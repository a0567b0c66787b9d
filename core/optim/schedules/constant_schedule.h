#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch ConstantLR: η(k) = η0·factor for k < total_iters, then η0. Chainable form, as torch:
//   k = 0: η ← η·factor;   k = total_iters: η ← η·(1/factor);   otherwise unchanged.
// With the defaults here (factor 1, total_iters 0) it is no schedule at all, which is what
// "constant" means to a user; torch's own defaults are factor=1/3, total_iters=5. As in torch,
// total_iters = 0 with factor < 1 keeps η0·factor for ever (the restoring step never comes).
class ConstantSchedule : public ClonableScheduler<ConstantSchedule> {
 public:
  static ScheduleInfo describe();
  explicit ConstantSchedule(const ParamValues& values);

  std::string_view name() const override { return "constant"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  double m_factor;
  long long m_totalIters;
};

}  // namespace optiscope

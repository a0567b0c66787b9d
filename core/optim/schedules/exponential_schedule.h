#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch ExponentialLR: η(k) = η0·γ^k, evaluated as torch's chainable recursion
//   k > 0: η ← η·γ.
class ExponentialSchedule : public ClonableScheduler<ExponentialSchedule> {
 public:
  static ScheduleInfo describe();
  explicit ExponentialSchedule(const ParamValues& values);

  std::string_view name() const override { return "exponential"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  double m_gamma;
};

}  // namespace optiscope

#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch StepLR: η(k) = η0·γ^⌊k/step_size⌋, evaluated as torch's chainable recursion
//   k > 0 and k % step_size == 0: η ← η·γ.
class StepSchedule : public ClonableScheduler<StepSchedule> {
 public:
  static ScheduleInfo describe();
  explicit StepSchedule(const ParamValues& values);

  std::string_view name() const override { return "step"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  long long m_stepSize;
  double m_gamma;
};

}  // namespace optiscope

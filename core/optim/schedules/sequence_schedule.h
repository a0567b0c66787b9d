#pragma once

#include <memory>

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch SequentialLR(opt, [first, then], milestones=[milestone]): `first` drives the lr for
// steps k < milestone, `then` from the milestone on, restarted there with torch's step(0) (the
// closed form at epoch 0 for classes that have one). Its constructor quirks are reproduced:
//  - both members are constructed on the optimizer first, in order, each running its initial
//    step (so `then` can change momentum, and a onecycle member rewrites initial_lr);
//  - then the lr is reset to initial_lr, both members move one epoch back, and `first` re-runs
//    its initial step.
// reduce_on_plateau cannot be a member, and a sequence can only be nested as `first`: torch
// cannot step either at the milestone. Both are SpecErrors when the spec is parsed.
class SequenceSchedule : public ClonableScheduler<SequenceSchedule, TorchScheduler> {
 public:
  static ScheduleInfo describe();
  explicit SequenceSchedule(const ParamValues& values);  // throws SpecError
  SequenceSchedule(const SequenceSchedule& other);
  SequenceSchedule& operator=(const SequenceSchedule&) = delete;

  std::string_view name() const override { return "sequence"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void advance(Optimizer& optimizer, SchedulerGroup& group, double metric) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;
  std::string sequenceRestriction(bool asThen) const override;

 private:
  std::unique_ptr<TorchScheduler> m_first, m_then;
  long long m_milestone;
};

}  // namespace optiscope

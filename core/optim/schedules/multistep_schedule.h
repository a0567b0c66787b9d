#pragma once

#include <vector>

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch MultiStepLR: η(k) = η0·γ^#{m ∈ milestones : m ≤ k}; a milestone listed twice counts
// twice. Chainable form, as torch:  k ∈ milestones: η ← η·γ^count(k)  (also at k = 0).
class MultistepSchedule : public ClonableScheduler<MultistepSchedule> {
 public:
  static ScheduleInfo describe();
  explicit MultistepSchedule(const ParamValues& values);  // throws SpecError

  std::string_view name() const override { return "multistep"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  long long countAt(long long epoch) const;
  long long countUpTo(long long epoch) const;

  std::vector<long long> m_milestones;
  double m_gamma;
};

}  // namespace optiscope

#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch ReduceLROnPlateau: reads the metric passed to step() (the loss after the optimizer step).
// A metric is better when it beats the best so far by the threshold (min/rel: a < best·(1−thr),
// min/abs: a < best − thr, max/rel: a > best·(1+thr), max/abs: a > best + thr). After more than
// `patience` steps without improvement, η ← max(η·factor, min_lr) — applied only if that lowers
// η by more than eps — followed by `cooldown` steps in which bad steps are not counted.
// It is not a torch _LRScheduler: attaching changes no lr, and it cannot be part of a sequence.
class ReduceOnPlateauSchedule : public ClonableScheduler<ReduceOnPlateauSchedule, TorchScheduler> {
 public:
  static ScheduleInfo describe();
  explicit ReduceOnPlateauSchedule(const ParamValues& values);

  std::string_view name() const override { return "reduce_on_plateau"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;
  void advance(Optimizer& optimizer, SchedulerGroup& group, double metric) override;
  void jumpToEpochZero(Optimizer& optimizer, SchedulerGroup& group) override;
  std::string sequenceRestriction(bool asThen) const override;

 private:
  bool isBetter(double metric) const;

  bool m_maximize, m_relative;
  double m_factor;
  long long m_patience;
  double m_threshold;
  long long m_cooldown;
  double m_minLr, m_eps;

  double m_best = 0.0;
  long long m_badSteps = 0, m_cooldownLeft = 0;
};

}  // namespace optiscope

#pragma once

#include <vector>

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch OneCycleLR (Smith & Topin, "Super-Convergence", arXiv:1708.07120), computed directly
// (not chained). It overwrites the optimizer's lr: η starts at max_lr/div_factor, anneals up to
// max_lr over the first pct_start of total_steps N, then down to η_start/final_div_factor
// (three_phase: back to η_start first, then down). With cycle_momentum the momentum (or beta1
// for the Adam family) anneals inversely between max_momentum and base_momentum.
//   phase end steps: pct·N − 1, [2·pct·N − 2,] N − 1;  pct = (k − start)/(end − start)
//   cos:    end + (start − end)/2·(cos(π·pct) + 1)          linear: (end − start)·pct + start
// torch raises once stepped past N; this schedule instead holds the last lr and momentum, so a
// GUI run can go on. attach() throws SpecError when cycle_momentum is on and the optimizer has
// no momentum or beta1.
class OnecycleSchedule : public ClonableScheduler<OnecycleSchedule> {
 public:
  static ScheduleInfo describe();
  explicit OnecycleSchedule(const ParamValues& values);  // throws SpecError

  std::string_view name() const override { return "onecycle"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  // Phases name their end points, which torch looks up in the (shared) group at every step.
  enum class Lr { Initial, Max, Min };
  enum class Momentum { Max, Base };
  struct Phase {
    double endStep;
    Lr startLr, endLr;
    Momentum startMomentum, endMomentum;
  };

  static double lrAt(const SchedulerGroup& group, Lr which);
  static double momentumAt(const SchedulerGroup& group, Momentum which);
  double anneal(double start, double end, double pct) const;

  double m_maxLr;  // 0: the optimizer's configured lr
  long long m_totalSteps;
  bool m_cosine, m_cycleMomentum;
  double m_baseMomentum, m_maxMomentum, m_divFactor, m_finalDivFactor;
  std::vector<Phase> m_phases;
};

}  // namespace optiscope

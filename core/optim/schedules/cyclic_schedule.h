#pragma once

#include "core/optim/schedules/torch_scheduler.h"

namespace optiscope {

// torch CyclicLR (Smith, "Cyclical Learning Rates for Training Neural Networks",
// arXiv:1506.01186), computed directly (not chained). A triangle between base_lr and max_lr,
// step_size_up steps up and step_size_down steps down; with cycle_momentum the momentum moves
// inversely between max_momentum and base_momentum. With total = up + down, ratio = up/total:
//   cycle = ⌊1 + k/total⌋,  x = 1 + k/total − cycle,  sf = x ≤ ratio ? x/ratio : (x−1)/(ratio−1)
//   η = base + (max − base)·sf·scale,  μ = max_μ − (max_μ − base_μ)·sf·scale
//   scale: triangular 1, triangular2 1/2^(cycle−1), exp_range γ^k.
// torch 1.13 cycles only a 'momentum' hyperparameter, so attach() throws SpecError for the
// Adam family (beta1) and optimizers without momentum unless cycle_momentum=false.
class CyclicSchedule : public ClonableScheduler<CyclicSchedule> {
 public:
  static ScheduleInfo describe();
  explicit CyclicSchedule(const ParamValues& values);

  std::string_view name() const override { return "cyclic"; }
  void construct(Optimizer& optimizer, SchedulerGroup& group) override;

 protected:
  void update(Optimizer& optimizer, const SchedulerGroup& group) override;

 private:
  enum class Mode { Triangular, Triangular2, ExpRange };

  double scale(long long cycle) const;

  double m_baseLrSetting, m_maxLrSetting;  // 0: derive from the optimizer's configured lr
  double m_maxLr = 0.0;
  double m_totalSize, m_stepRatio;
  Mode m_mode;
  double m_gamma;
  bool m_cycleMomentum;
  double m_baseMomentum, m_maxMomentum;
};

}  // namespace optiscope

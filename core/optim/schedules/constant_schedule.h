#pragma once

#include "core/optim/schedule.h"

namespace optiscope {

// torch ConstantLR: lr·factor for the first total_iters steps, then lr. With the defaults
// here (factor 1, total_iters 0) it is no schedule at all, which is what "constant" means to
// a user; torch's own defaults are factor=1/3, total_iters=5.
class ConstantSchedule : public ScheduleBase<ConstantSchedule> {
 public:
  static ScheduleInfo describe();
  explicit ConstantSchedule(const ParamValues& values);

  std::string_view name() const override { return "constant"; }
  void attach(Optimizer& optimizer) override;
  void step(Optimizer& optimizer, double metric) override;

 private:
  double m_factor;
  long long m_totalIters;
  long long m_epoch = 0;
};

}  // namespace optiscope

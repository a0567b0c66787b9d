#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/optim/optimizer.h"
#include "core/util/params.h"

namespace optiscope {

// A learning-rate schedule with torch.optim.lr_scheduler 1.13 semantics (OPTIMIZERS.md §2).
// Usage mirrors torch's canonical loop:
//   schedule.attach(opt);                 // = the scheduler's constructor (sets lr for step 0)
//   for k: opt.step(p, g); schedule.step(opt, loss_after_step);
// The schedule writes opt.setLr() (and setMomentum() for the cycling ones); the optimizer's
// configured lr (hyperparameters()["lr"]) plays torch's `initial_lr`.
class Schedule {
 public:
  virtual ~Schedule() = default;
  virtual std::string_view name() const = 0;
  virtual void attach(Optimizer& optimizer) = 0;
  // `metric` is the loss after the optimizer step; only reduce_on_plateau reads it.
  virtual void step(Optimizer& optimizer, double metric) = 0;
  virtual std::unique_ptr<Schedule> clone() const = 0;
};

template <class Derived>
class ScheduleBase : public Schedule {
 public:
  std::unique_ptr<Schedule> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

struct ScheduleInfo {
  std::string name;
  std::string summary;
  std::vector<ParamInfo> params;
  // Builds from validated values; throws SpecError for cross-field problems.
  std::function<std::unique_ptr<Schedule>(const ParamValues&)> create;
};

// The values of `constant` with its defaults: no schedule at all.
ParamValues noScheduleValues();

// A default-constructed config is "no schedule" and is valid as it is.
struct ScheduleConfig {
  std::string name = "constant";
  ParamValues values = noScheduleValues();

  std::string spec() const;
  bool operator==(const ScheduleConfig&) const = default;
};

const std::vector<ScheduleInfo>& scheduleCatalog();
const ScheduleInfo& findSchedule(std::string_view name);  // throws SpecError
ScheduleConfig parseScheduleSpec(std::string_view spec);  // validated
std::unique_ptr<Schedule> makeSchedule(const ScheduleConfig& config);
std::unique_ptr<Schedule> makeSchedule(std::string_view spec);

}  // namespace optiscope

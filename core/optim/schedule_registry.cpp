#include "core/optim/schedule.h"
#include "core/optim/schedules/constant_schedule.h"
#include "core/optim/schedules/cosine_restarts_schedule.h"
#include "core/optim/schedules/cosine_schedule.h"
#include "core/optim/schedules/cyclic_schedule.h"
#include "core/optim/schedules/exponential_schedule.h"
#include "core/optim/schedules/linear_schedule.h"
#include "core/optim/schedules/multistep_schedule.h"
#include "core/optim/schedules/onecycle_schedule.h"
#include "core/optim/schedules/reduce_on_plateau_schedule.h"
#include "core/optim/schedules/sequence_schedule.h"
#include "core/optim/schedules/step_schedule.h"
#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<ScheduleInfo>& scheduleCatalog() {
  static const std::vector<ScheduleInfo> catalog = {
      ConstantSchedule::describe(),  StepSchedule::describe(),
      MultistepSchedule::describe(), ExponentialSchedule::describe(),
      CosineSchedule::describe(),    CosineRestartsSchedule::describe(),
      LinearSchedule::describe(),    OnecycleSchedule::describe(),
      CyclicSchedule::describe(),    ReduceOnPlateauSchedule::describe(),
      SequenceSchedule::describe(),
  };
  return catalog;
}

const ScheduleInfo& findSchedule(std::string_view name) {
  std::string available;
  for (const auto& info : scheduleCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  throw SpecError("unknown schedule '" + std::string(name) + "'; available: " + available);
}

ParamValues noScheduleValues() { return defaultValues(findSchedule("constant").params); }

std::string ScheduleConfig::spec() const {
  return canonicalSpec(name, findSchedule(name).params, values);
}

ScheduleConfig parseScheduleSpec(std::string_view text) {
  const Spec spec = parseSpec(text, "schedule");
  const ScheduleInfo& info = findSchedule(spec.name);
  ScheduleConfig config{info.name,
                        applyArgs(info.params, defaultValues(info.params), spec.args, info.name)};
  // Nested schedules are stored canonical too, so spec() lists every key at every level.
  for (const auto& param : info.params) {
    if (param.kind != ParamKind::Spec) continue;
    try {
      config.values.setText(param.name, parseScheduleSpec(config.values.text(param.name)).spec());
    } catch (const SpecError& error) {
      throw SpecError(info.name + ": " + param.name + ": " + error.what());
    }
  }
  info.create(config.values);  // cross-field validation happens in the constructor
  return config;
}

std::unique_ptr<Schedule> makeSchedule(const ScheduleConfig& config) {
  return findSchedule(config.name).create(config.values);
}

std::unique_ptr<Schedule> makeSchedule(std::string_view spec) {
  return makeSchedule(parseScheduleSpec(spec));
}

}  // namespace optiscope

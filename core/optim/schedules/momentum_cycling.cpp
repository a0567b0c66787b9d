#include "core/optim/schedules/momentum_cycling.h"

#include <string>

#include "core/util/spec_error.h"

namespace optiscope {

void requireCyclableMomentum(const Optimizer& optimizer, std::string_view schedule,
                             bool beta1Allowed) {
  const MomentumKind kind = optimizer.momentumKind();
  if (kind == MomentumKind::Momentum || (kind == MomentumKind::Beta1 && beta1Allowed)) return;
  const std::string what = beta1Allowed ? "a momentum or beta1" : "a 'momentum'";
  std::string message = std::string(schedule) + ": cycle_momentum needs " + what +
                        " hyperparameter, which optimizer '" + std::string(optimizer.name()) +
                        "' does not have";
  if (kind == MomentumKind::Beta1) message += " (torch 1.13 does not cycle beta1 here)";
  throw SpecError(message + "; set cycle_momentum=false");
}

}  // namespace optiscope

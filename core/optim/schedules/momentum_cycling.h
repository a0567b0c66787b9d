#pragma once

#include <string_view>

#include "core/optim/optimizer.h"

namespace optiscope {

// Which optimizers a momentum-cycling schedule can drive. torch 1.13's OneCycleLR accepts a
// `momentum` or a `betas` hyperparameter; its CyclicLR accepts only `momentum`. Throws a
// SpecError telling the user to set cycle_momentum=false otherwise, as torch's ValueError does.
void requireCyclableMomentum(const Optimizer& optimizer, std::string_view schedule,
                             bool beta1Allowed);

}  // namespace optiscope

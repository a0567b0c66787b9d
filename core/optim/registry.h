#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/optim/optimizer.h"
#include "core/util/params.h"

namespace optiscope {

// What the registry knows of one optimizer: its name, a one-line summary, the paper, and the
// hyperparameter table with torch 1.13's names and defaults.
struct OptimizerInfo {
  std::string name;
  std::string summary;
  std::string paper;
  std::vector<ParamInfo> params;
  std::function<std::unique_ptr<Optimizer>()> create;  // unconfigured instance
  // Optional: derives values that follow from others once key=value changes are applied
  // (chain: its lr and its scale_by_learning_rate block's lr are one value, and its blocks are
  // stored canonical). `changed` are the keys just given. Throws SpecError.
  std::function<void(ParamValues& values, const std::vector<std::string>& changed)> complete = {};
};

// A validated optimizer choice: the name and every hyperparameter value.
struct OptimizerConfig {
  std::string name;
  ParamValues values;

  std::string spec() const;  // canonical, complete `name:key=value,...`
  bool operator==(const OptimizerConfig&) const = default;
};

const std::vector<OptimizerInfo>& optimizerCatalog();
// Throws SpecError "unknown optimizer 'x'; available: sgd, adam, ...".
const OptimizerInfo& findOptimizer(std::string_view name);

// `adam:lr=0.05,amsgrad=true` -> validated config (ranges and cross-field rules).
OptimizerConfig parseOptimizerSpec(std::string_view spec);
// Applies key=value changes to an existing config, validating as parseOptimizerSpec does.
OptimizerConfig withChanges(const OptimizerConfig& config,
                            const std::vector<std::pair<std::string, std::string>>& changes);
std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& config);
std::unique_ptr<Optimizer> makeOptimizer(std::string_view spec);

}  // namespace optiscope

#include "core/optim/registry.h"

#include "core/optim/adabelief.h"
#include "core/optim/adabound.h"
#include "core/optim/adadelta.h"
#include "core/optim/adagrad.h"
#include "core/optim/adam.h"
#include "core/optim/adamax.h"
#include "core/optim/adamw.h"
#include "core/optim/asgd.h"
#include "core/optim/chain/chain.h"
#include "core/optim/lion.h"
#include "core/optim/nadam.h"
#include "core/optim/radam.h"
#include "core/optim/rmsprop.h"
#include "core/optim/rprop.h"
#include "core/optim/sgd.h"
#include "core/optim/yogi.h"
#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<OptimizerInfo>& optimizerCatalog() {
  // The order is the order users see in lists: the classic adaptive story first.
  // One entry per line, so that adding an optimizer is a one-line change.
  // clang-format off
  static const std::vector<OptimizerInfo> catalog = {
      Sgd::describe(),
      Adagrad::describe(),
      Rmsprop::describe(),
      Adadelta::describe(),
      Adam::describe(),
      AdamW::describe(),
      Adamax::describe(),
      Nadam::describe(),
      Radam::describe(),
      Asgd::describe(),
      Rprop::describe(),
      Lion::describe(),
      AdaBelief::describe(),
      Yogi::describe(),
      AdaBound::describe(),
      Chain::describe(),
  };
  // clang-format on
  return catalog;
}

const OptimizerInfo& findOptimizer(std::string_view name) {
  std::string available;
  for (const auto& info : optimizerCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  throw SpecError("unknown optimizer '" + std::string(name) + "'; available: " + available);
}

std::string OptimizerConfig::spec() const {
  return canonicalSpec(name, findOptimizer(name).params, values);
}

namespace {

OptimizerConfig validated(const OptimizerInfo& info, ParamValues values,
                          const std::vector<std::pair<std::string, std::string>>& changes) {
  if (info.complete) {
    std::vector<std::string> changed;
    for (const auto& [key, value] : changes) changed.push_back(key);
    info.complete(values, changed);
  }
  // Cross-field rules live in the optimizer; constructing one is the single place they run.
  info.create()->setHyperparameters(values);
  return OptimizerConfig{info.name, std::move(values)};
}

}  // namespace

OptimizerConfig parseOptimizerSpec(std::string_view text) {
  const Spec spec = parseSpec(text, "optimizer");
  const OptimizerInfo& info = findOptimizer(spec.name);
  return validated(info, applyArgs(info.params, defaultValues(info.params), spec.args, info.name),
                   spec.args);
}

OptimizerConfig withChanges(const OptimizerConfig& config,
                            const std::vector<std::pair<std::string, std::string>>& changes) {
  const OptimizerInfo& info = findOptimizer(config.name);
  return validated(info, applyArgs(info.params, config.values, changes, info.name), changes);
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& config) {
  auto optimizer = findOptimizer(config.name).create();
  optimizer->setHyperparameters(config.values);
  return optimizer;
}

std::unique_ptr<Optimizer> makeOptimizer(std::string_view spec) {
  return makeOptimizer(parseOptimizerSpec(spec));
}

}  // namespace optiscope

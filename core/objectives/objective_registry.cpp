#include <cmath>

#include "core/objectives/objective.h"
#include "core/util/spec_error.h"

namespace optiscope {

double Objective::minimumValue() const {
  const auto minima = globalMinima();
  return minima.empty() ? std::nan("") : minima.front().value;
}

const std::vector<ObjectiveInfo>& objectiveCatalog() {
  static const std::vector<ObjectiveInfo> catalog = {};
  return catalog;
}

const ObjectiveInfo& findObjective(std::string_view name) {
  std::string available;
  for (const auto& info : objectiveCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  throw SpecError("unknown function '" + std::string(name) + "'; available: " + available);
}

std::string ObjectiveConfig::spec() const {
  return canonicalSpec(name, findObjective(name).params, values);
}

ObjectiveConfig parseObjectiveSpec(std::string_view text) {
  const Spec spec = parseSpec(text, "function");
  const ObjectiveInfo& info = findObjective(spec.name);
  ObjectiveConfig config{info.name,
                         applyArgs(info.params, defaultValues(info.params), spec.args, info.name)};
  info.create(config.values);
  return config;
}

std::unique_ptr<Objective> makeObjective(const ObjectiveConfig& config) {
  return findObjective(config.name).create(config.values);
}

std::unique_ptr<Objective> makeObjective(std::string_view spec) {
  return makeObjective(parseObjectiveSpec(spec));
}

}  // namespace optiscope

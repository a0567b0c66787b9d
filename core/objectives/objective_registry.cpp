#include <cmath>

#include "core/objectives/expr/expr_objective.h"
#include "core/objectives/functions_2d.h"
#include "core/objectives/himmelblau.h"
#include "core/objectives/objective.h"
#include "core/objectives/rosenbrock.h"
#include "core/objectives/separable_functions.h"
#include "core/util/spec_error.h"

namespace optiscope {

double Objective::minimumValue() const {
  const auto minima = globalMinima();
  return minima.empty() ? std::nan("") : minima.front().value;
}

const std::vector<ObjectiveInfo>& objectiveCatalog() {
  // The order users see in lists: bowls and the saddle, then valleys, then landscapes with
  // several minima, ending with the hardest multimodal ones.
  static const std::vector<ObjectiveInfo> catalog = {
      describeSphere(),         describeQuadratic(),    describeBooth(),
      describeMatyas(),         describeSaddle(),       Rosenbrock::describe(),
      describeBeale(),          describeMcCormick(),    Himmelblau::describe(),
      describeThreeHumpCamel(), describeSixHumpCamel(), describeStyblinskiTang(),
      describeGoldsteinPrice(), describeRastrigin(),    describeAckley(),
      describeLevy13(),         describeEasom(),
  };
  return catalog;
}

const std::vector<ObjectiveInfo>& typedObjectiveCatalog() {
  static const std::vector<ObjectiveInfo> catalog = {ExprObjective::describe()};
  return catalog;
}

const ObjectiveInfo& findObjective(std::string_view name) {
  std::string available;
  for (const auto& info : objectiveCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  for (const auto& info : typedObjectiveCatalog()) {
    if (info.name == name) return info;
    available += ", " + info.name + ":f=<formula>";
  }
  throw SpecError("unknown function '" + std::string(name) + "'; available: " + available);
}

std::vector<ParamInfo> objectiveParams(const ObjectiveConfig& config) {
  const ObjectiveInfo& info = findObjective(config.name);
  return info.paramsOf ? info.paramsOf(config.values) : info.params;
}

std::string ObjectiveConfig::spec() const {
  return canonicalSpec(name, objectiveParams(*this), values);
}

ObjectiveConfig parseObjectiveSpec(std::string_view text) {
  // A typed formula contains no '=': split at keys, so that its own parser reports bracket
  // errors with their column.
  std::string_view head = text.substr(0, text.find(':'));
  while (!head.empty() && (head.front() == ' ' || head.front() == '\t')) head.remove_prefix(1);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
  bool typed = false;
  for (const auto& candidate : typedObjectiveCatalog()) typed = typed || candidate.name == head;
  const Spec spec = typed ? parseSpecByKeys(text, "function") : parseSpec(text, "function");
  const ObjectiveInfo& info = findObjective(spec.name);
  ObjectiveConfig config{info.name, info.parse ? info.parse(spec)
                                               : applyArgs(info.params, defaultValues(info.params),
                                                           spec.args, info.name)};
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

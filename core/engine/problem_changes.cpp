#include "core/engine/problem_changes.h"

#include <utility>
#include <vector>

#include "core/engine/network_problem.h"
#include "core/engine/objective_problem.h"

namespace optiscope {

void restartOnObjective(Engine& engine, const ObjectiveConfig& objective,
                        std::optional<Eigen::VectorXd> start) {
  std::vector<std::pair<RunId, RunConfig>> changed;
  for (RunId id : engine.runIds()) {
    std::optional<RunConfig> config = engine.runConfig(id);
    const auto* planar =
        config ? dynamic_cast<const ObjectiveProblem*>(config->problem.get()) : nullptr;
    if (planar == nullptr) continue;
    config->problem = std::make_shared<const ObjectiveProblem>(objective, planar->noiseSigma(),
                                                               planar->noiseSeed());
    config->start = start;
    changed.emplace_back(id, std::move(*config));
  }
  engine.restartRuns(changed);
}

void restartOnNetworkTask(Engine& engine, std::shared_ptr<const DataSplit> data,
                          const NetworkSettings& settings) {
  restartOnNetworkTask(engine, std::make_shared<const NetworkProblem>(std::move(data), settings));
}

void restartOnNetworkTask(Engine& engine, std::shared_ptr<const NetworkProblem> problem) {
  std::vector<std::pair<RunId, RunConfig>> changed;
  for (RunId id : engine.runIds()) {
    std::optional<RunConfig> config = engine.runConfig(id);
    if (!config || networkProblemOf(config->problem.get()) == nullptr) continue;
    config->problem = problem;
    config->start = std::nullopt;
    changed.emplace_back(id, std::move(*config));
  }
  engine.restartRuns(changed);
}

}  // namespace optiscope

#include "core/experiment/experiment_configs.h"

#include "core/engine/network_problem.h"
#include "core/experiment/network_data.h"

namespace optiscope {

std::vector<RunConfig> landscapeRunConfigs(const LandscapeScene& scene) {
  std::optional<Eigen::VectorXd> start;
  if (scene.start) start = Eigen::Vector2d((*scene.start)[0], (*scene.start)[1]);
  std::vector<RunConfig> configs;
  for (const LandscapeRun& run : scene.runs)
    configs.push_back(
        makeRunConfig(scene.function, run.optimizer, run.schedule, start, run.noise, run.seed));
  return configs;
}

std::vector<RunConfig> networkRunConfigs(const NetworkScene& scene, std::string_view csvSource) {
  const auto problem =
      std::make_shared<const NetworkProblem>(buildNetworkData(scene, csvSource), scene.settings);
  std::vector<RunConfig> configs;
  for (const ExperimentRun& run : scene.runs)
    configs.push_back(RunConfig{problem, parseOptimizerSpec(run.optimizer),
                                parseScheduleSpec(run.schedule), std::nullopt});
  return configs;
}

}  // namespace optiscope

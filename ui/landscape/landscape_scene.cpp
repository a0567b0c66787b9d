#include "ui/landscape/landscape_scene.h"

#include "core/experiment/experiment_configs.h"
#include "ui/common/run_look.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {

LandscapeScene captureLandscapeRuns(const LandscapeController& controller) {
  LandscapeScene scene;
  scene.function = controller.objective().spec();
  const Eigen::VectorXd& start = controller.start();
  if (start.size() == 2) scene.start = std::array<double, 2>{start[0], start[1]};
  for (RunId id : controller.runIds()) {
    const RunConfig config = controller.runConfig(id);
    LandscapeRun run;
    storeStyle(controller.style(id), run);
    run.optimizer = config.optimizer.spec();
    run.schedule = config.schedule.spec();
    run.noise = controller.noiseSigma(id);
    run.seed = controller.noiseSeed(id);
    scene.runs.push_back(run);
  }
  return scene;
}

void applyLandscapeRuns(LandscapeController& controller, const LandscapeScene& scene) {
  const std::vector<RunConfig> configs = landscapeRunConfigs(scene);  // validates everything
  controller.clearRuns();
  std::optional<Eigen::VectorXd> start;
  if (scene.start) start = Eigen::Vector2d((*scene.start)[0], (*scene.start)[1]);
  controller.setObjective(parseObjectiveSpec(scene.function), start);
  for (std::size_t i = 0; i < configs.size(); ++i)
    controller.addRun(configs[i].optimizer, configs[i].schedule, scene.runs[i].noise,
                      scene.runs[i].seed, styleOf(scene.runs[i]));
  if (!controller.runIds().empty()) controller.selectRun(controller.runIds().front());
}

}  // namespace optiscope::ui

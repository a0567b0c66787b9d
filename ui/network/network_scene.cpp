#include "ui/network/network_scene.h"

#include "core/experiment/experiment_configs.h"
#include "ui/common/run_look.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {

NetworkScene captureNetworkRuns(const NetworkController& controller) {
  NetworkScene scene;
  const DatasetChoice& choice = controller.datasetChoice();
  if (choice.isImported())
    scene.data = CsvData{choice.csvText};
  else
    scene.data = GeneratedData{choice.name.toStdString(), choice.points, choice.noise};
  scene.trainRatio = choice.trainRatio;
  scene.dataSeed = choice.seed;
  scene.settings = controller.settings();
  for (RunId id : controller.runIds()) {
    const RunConfig config = controller.runConfig(id);
    ExperimentRun run;
    storeStyle(controller.style(id), run);
    run.optimizer = config.optimizer.spec();
    run.schedule = config.schedule.spec();
    scene.runs.push_back(run);
  }
  return scene;
}

void applyNetworkRuns(NetworkController& controller, const NetworkScene& scene) {
  const std::vector<RunConfig> configs = networkRunConfigs(scene);  // validates everything
  DatasetChoice choice;
  if (const auto* csv = std::get_if<CsvData>(&scene.data)) {
    choice.csvText = csv->text;
    choice.csvName = QStringLiteral("points from the file");
  } else {
    const auto& generated = std::get<GeneratedData>(scene.data);
    choice.name = QString::fromStdString(generated.name);
    choice.points = generated.points;
    choice.noise = generated.noise;
  }
  choice.trainRatio = scene.trainRatio;
  choice.seed = scene.pointsSeed();
  controller.clearRuns();
  controller.setTask(choice, scene.settings);
  for (std::size_t i = 0; i < configs.size(); ++i)
    controller.addRun(configs[i].optimizer, configs[i].schedule, styleOf(scene.runs[i]));
  if (!controller.runIds().empty()) controller.selectRun(controller.runIds().front());
}

}  // namespace optiscope::ui

#include <cmath>

#include "core/experiment/experiment_io.h"
#include "core/experiment/json_fields.h"
#include "core/nn/activation.h"
#include "core/nn/features.h"
#include "core/nn/regularization.h"
#include "core/util/atomic_file.h"

namespace optiscope {
namespace {

const char* pageName(ExperimentPage page) {
  return page == ExperimentPage::Network ? "network" : "landscape";
}

const char* colorScaleName(ColorScale scale) {
  switch (scale) {
    case ColorScale::Logarithmic:
      return "log";
    case ColorScale::Linear:
      return "linear";
    case ColorScale::Automatic:
      break;
  }
  return "auto";
}

// JSON has no infinity: unlimited speed is written as the string "unlimited".
Json speedValue(double speed) { return std::isinf(speed) ? Json("unlimited") : Json(speed); }

Json runLook(const ExperimentRun& run) {
  return Json{{"name", run.name},
              {"color", run.color},
              {"visible", run.visible},
              {"optimizer", run.optimizer},
              {"schedule", run.schedule}};
}

Json landscapeObject(const LandscapeScene& scene) {
  Json object;
  object["function"] = scene.function;
  if (scene.start) object["start"] = *scene.start;
  if (scene.view) object["view"] = Json{{"x", scene.view->x}, {"y", scene.view->y}};
  object["color_scale"] = colorScaleName(scene.colorScale);
  object["contours"] = scene.contours;
  object["runs"] = Json::array();
  for (const LandscapeRun& run : scene.runs) {
    Json entry = runLook(run);
    entry["noise"] = run.noise;
    entry["seed"] = run.seed;
    object["runs"].push_back(std::move(entry));
  }
  return object;
}

Json networkObject(const NetworkScene& scene) {
  const NetworkSettings& settings = scene.settings;
  Json object;
  if (const auto* csv = std::get_if<CsvData>(&scene.data)) {
    object["dataset"] = Json{{"csv", csv->text}};
  } else {
    const auto& generated = std::get<GeneratedData>(scene.data);
    object["dataset"] = generated.name;
    object["points"] = generated.points;
    object["noise"] = generated.noise;
  }
  object["train_ratio"] = scene.trainRatio;
  object["seed"] = settings.seed;
  if (scene.dataSeed) object["data_seed"] = *scene.dataSeed;
  object["features"] = Json::array();
  for (Feature feature : settings.features) object["features"].push_back(featureName(feature));
  object["hidden"] = settings.hidden;
  object["activation"] = activationName(settings.activation);
  object["loss"] = settings.loss ? std::string(lossName(*settings.loss)) : std::string("auto");
  object["regularization"] = regularizationName(settings.regularization.kind);
  object["regularization_rate"] = settings.regularization.rate;
  object["batch_size"] = settings.batchSize;
  object["show_test_points"] = scene.showTestPoints;
  object["runs"] = Json::array();
  for (const ExperimentRun& run : scene.runs) object["runs"].push_back(runLook(run));
  return object;
}

}  // namespace

std::string writeExperiment(const Experiment& experiment) {
  Json root;
  root["format"] = kExperimentFormat;
  root["version"] = kExperimentVersion;
  root["page"] = pageName(experiment.page);
  if (experiment.landscape) root["landscape"] = landscapeObject(*experiment.landscape);
  if (experiment.network) root["network"] = networkObject(*experiment.network);
  const Playback& playback = experiment.playback;
  root["playback"] = Json{{"landscape_steps", playback.landscapeSteps},
                          {"network_epochs", playback.networkEpochs},
                          {"speed", speedValue(playback.speed)},
                          {"network_speed", speedValue(playback.networkSpeed)}};
  // Names come from users; text that is not UTF-8 is written with replacement characters
  // rather than refused.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void writeExperimentFile(const std::string& path, const Experiment& experiment) {
  const std::string text = writeExperiment(experiment);
  writeFileAtomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace optiscope

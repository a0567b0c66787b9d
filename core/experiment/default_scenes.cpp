#include "core/experiment/default_scenes.h"

#include <array>

namespace optiscope {
namespace {

ExperimentRun runLook(std::size_t index, const char* name, const char* optimizer) {
  ExperimentRun run;
  run.name = name;
  run.color = defaultRunColor(index);
  run.optimizer = optimizer;
  return run;
}

}  // namespace

std::string defaultRunColor(std::size_t index) {
  static const std::array<const char*, 8> palette = {"#e69f00", "#56b4e9", "#009e73", "#cc79a7",
                                                     "#d55e00", "#0072b2", "#f0e442", "#999999"};
  return palette[index % palette.size()];
}

LandscapeScene defaultLandscapeScene() {
  // After 3000 steps from (-1.5, 2): SGD f≈0.05, Momentum 1e-6, AdaGrad 0.03, RMSProp 0.02
  // (it oscillates in the valley), Adam 1e-28.
  static const std::array<std::array<const char*, 2>, 5> cast = {
      {{"SGD", "sgd:lr=0.001"},
       {"Momentum", "sgd:lr=0.0005,momentum=0.9"},
       {"AdaGrad", "adagrad:lr=0.5"},
       {"RMSProp", "rmsprop:lr=0.01"},
       {"Adam", "adam:lr=0.05"}}};
  LandscapeScene scene;
  scene.function = "rosenbrock";
  for (std::size_t i = 0; i < cast.size(); ++i) {
    LandscapeRun run;
    static_cast<ExperimentRun&>(run) = runLook(i, cast[i][0], cast[i][1]);
    scene.runs.push_back(run);
  }
  return scene;
}

NetworkScene defaultNetworkScene() {
  // Seed 0, circle, 2-8-8-1 tanh, batch 10 (optiscope-cli train): test accuracy at epoch
  // 10 / 30 — SGD 0.76 / 0.96, Adam 1 / 1, AdaGrad 1 / 1, RMSProp 0.94 / 1; the train losses
  // stay decades apart, which the overlaid loss curves show.
  static const std::array<std::array<const char*, 2>, 4> cast = {{{"SGD", "sgd:lr=0.03"},
                                                                  {"Adam", "adam:lr=0.01"},
                                                                  {"AdaGrad", "adagrad:lr=0.1"},
                                                                  {"RMSProp", "rmsprop:lr=0.003"}}};
  NetworkScene scene;
  scene.data = GeneratedData{};
  for (std::size_t i = 0; i < cast.size(); ++i)
    scene.runs.push_back(runLook(i, cast[i][0], cast[i][1]));
  return scene;
}

Experiment defaultExperiment() {
  Experiment experiment;
  experiment.landscape = defaultLandscapeScene();
  experiment.network = defaultNetworkScene();
  return experiment;
}

}  // namespace optiscope

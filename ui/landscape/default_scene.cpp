#include "ui/landscape/default_scene.h"

namespace optiscope::ui {

QString defaultFunctionSpec() { return QStringLiteral("rosenbrock"); }

std::vector<SceneRun> defaultSceneRuns() {
  // After 3000 steps from (-1.5, 2): SGD f≈0.05, Momentum 1e-6, AdaGrad 0.03, RMSProp 0.02
  // (it oscillates in the valley), Adam 1e-28.
  return {{"SGD", "sgd:lr=0.001"},
          {"Momentum", "sgd:lr=0.0005,momentum=0.9"},
          {"AdaGrad", "adagrad:lr=0.5"},
          {"RMSProp", "rmsprop:lr=0.01"},
          {"Adam", "adam:lr=0.05"}};
}

}  // namespace optiscope::ui

#pragma once

#include <QString>
#include <vector>

namespace optiscope::ui {

// The first thing a newcomer sees: the cast of the adaptive-learning-rate story racing on
// Rosenbrock from one start, each at a learning rate where it visibly makes progress within
// a few hundred steps (chosen by running them with optiscope-cli).
struct SceneRun {
  QString label;
  QString optimizerSpec;
};

QString defaultFunctionSpec();
std::vector<SceneRun> defaultSceneRuns();

}  // namespace optiscope::ui

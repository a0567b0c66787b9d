#pragma once

#include <QString>
#include <vector>

namespace optiscope::ui {

// The Network page's first screen: the adaptive-learning-rate cast training the same seeded
// 2-8-8-1 tanh network on circle, each at a learning rate where it separates the classes
// within a few dozen epochs.
struct NetworkSceneRun {
  QString label;
  QString optimizerSpec;
};

std::vector<NetworkSceneRun> defaultNetworkSceneRuns();

}  // namespace optiscope::ui

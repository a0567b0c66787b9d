#include "ui/network/network_scene.h"

namespace optiscope::ui {

std::vector<NetworkSceneRun> defaultNetworkSceneRuns() {
  // Seed 0, circle, 2-8-8-1 tanh, batch 10 (optiscope-cli train): test accuracy at epoch
  // 10 / 30 — SGD 0.76 / 0.96, Adam 1 / 1, AdaGrad 1 / 1, RMSProp 0.94 / 1; the train losses
  // stay decades apart, which the overlaid loss curves show.
  return {{"SGD", "sgd:lr=0.03"},
          {"Adam", "adam:lr=0.01"},
          {"AdaGrad", "adagrad:lr=0.1"},
          {"RMSProp", "rmsprop:lr=0.003"}};
}

}  // namespace optiscope::ui

#include "core/engine/network_run_config.h"

namespace optiscope {

NetworkRun buildNetworkRun(const NetworkRunConfig& config) {
  return NetworkRun(NetworkTask(config.data, config.settings), config.optimizer, config.schedule,
                    config.start);
}

RunConfig optimizationOf(const NetworkRunConfig& config) {
  RunConfig run;
  run.optimizer = config.optimizer;
  run.schedule = config.schedule;
  return run;
}

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>

#include "core/engine/run.h"
#include "core/nn/dataset.h"
#include "core/nn/network_run.h"
#include "core/nn/network_task.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {

// Everything that determines a network run's numbers (the network counterpart of RunConfig).
struct NetworkRunConfig {
  std::shared_ptr<const DataSplit> data;  // immutable; shared by every run of the task
  NetworkSettings settings;
  OptimizerConfig optimizer;
  ScheduleConfig schedule;  // constant = none
  // nullopt: NetworkTask::initialParameters() (seeded), so runs of different optimizers on
  // one task start from ONE network.
  std::optional<Eigen::VectorXd> start;
};

// The run the config describes, at step 0. Throws SpecError.
NetworkRun buildNetworkRun(const NetworkRunConfig& config);
// The optimizer and schedule as a RunConfig (objective left empty): what snapshots and
// Engine::runConfig report for a network run.
RunConfig optimizationOf(const NetworkRunConfig& config);

}  // namespace optiscope

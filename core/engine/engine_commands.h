#pragma once

#include <Eigen/Core>
#include <memory>
#include <variant>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/network_run_config.h"
#include "core/engine/run.h"
#include "core/nn/network_run.h"

namespace optiscope::commands {

// What the caller threads ask of the worker. Everything that can fail was validated (and
// every Run built) in the caller's thread, so applying a command cannot throw.
struct Play {};
struct Pause {};
struct Step {
  long long count;
};
struct SetSpeed {
  double stepsPerSecond;
};
struct AddRun {
  RunId id;
  Run run;
  RunOptions options;
};
struct AddNetworkRun {
  RunId id;
  NetworkRun run;
  std::shared_ptr<const NetworkRunConfig> config;
  RunOptions options;
};
struct RemoveRun {
  RunId id;
};
struct ResetRun {
  RunId id;
};
struct ResetAll {};
// `network`: a network run's whole configuration after the change (null for a 2D run).
struct SetOptimizer {
  RunId id;
  OptimizerConfig optimizer;
  std::shared_ptr<const NetworkRunConfig> network = nullptr;
};
struct SetSchedule {
  RunId id;
  ScheduleConfig schedule;
  std::shared_ptr<const NetworkRunConfig> network = nullptr;
};
struct SetStart {
  RunId id;
  Eigen::VectorXd start;
};
struct SetStepLimit {
  RunId id;
  long long stepLimit;
};
// A new objective: every run is replaced by a fresh one built for it.
struct ReplaceRuns {
  std::vector<std::pair<RunId, Run>> runs;
};
// A new network task: every network run is replaced by a fresh one built for it.
struct ReplaceNetworkRuns {
  struct Replacement {
    RunId id;
    NetworkRun run;
    std::shared_ptr<const NetworkRunConfig> config;
  };
  std::vector<Replacement> runs;
};

using Command = std::variant<Play, Pause, Step, SetSpeed, AddRun, AddNetworkRun, RemoveRun,
                             ResetRun, ResetAll, SetOptimizer, SetSchedule, SetStart, SetStepLimit,
                             ReplaceRuns, ReplaceNetworkRuns>;

}  // namespace optiscope::commands

#pragma once

#include <Eigen/Core>
#include <memory>
#include <variant>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/run.h"

namespace optiscope::commands {

// What the caller threads ask of the worker. Everything that can fail was validated (and
// every Run built) in the caller's thread, so applying a command cannot throw. Commands that
// change a run carry its whole configuration after the change, for the snapshots.
using SharedConfig = std::shared_ptr<const RunConfig>;

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
  SharedConfig config;
  RunOptions options;
};
struct RemoveRun {
  RunId id;
};
struct ResetRun {
  RunId id;
};
struct ResetAll {};
struct SetOptimizer {
  RunId id;
  OptimizerConfig optimizer;
  SharedConfig config;
};
struct SetSchedule {
  RunId id;
  ScheduleConfig schedule;
  SharedConfig config;
};
struct SetStart {
  RunId id;
  Eigen::VectorXd start;
  SharedConfig config;
};
struct SetStepLimit {
  RunId id;
  long long stepLimit;
};
// Runs restarted on new configurations (a new function for every run, a new network task):
// each is replaced by a fresh Run built for it.
struct RestartRuns {
  struct Restart {
    RunId id;
    Run run;
    SharedConfig config;
  };
  std::vector<Restart> runs;
};

using Command = std::variant<Play, Pause, Step, SetSpeed, AddRun, RemoveRun, ResetRun, ResetAll,
                             SetOptimizer, SetSchedule, SetStart, SetStepLimit, RestartRuns>;

}  // namespace optiscope::commands

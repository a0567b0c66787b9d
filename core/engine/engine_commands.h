#pragma once

#include <Eigen/Core>
#include <variant>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/run.h"

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
};
struct SetSchedule {
  RunId id;
  ScheduleConfig schedule;
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

using Command = std::variant<Play, Pause, Step, SetSpeed, AddRun, RemoveRun, ResetRun, ResetAll,
                             SetOptimizer, SetSchedule, SetStart, SetStepLimit, ReplaceRuns>;

}  // namespace optiscope::commands

#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/epoch_record.h"
#include "core/engine/run.h"
#include "core/engine/trace.h"

namespace optiscope {

struct NamedVector {
  std::string name;
  Eigen::VectorXd values;
};

// Where a run with epochs (a network) stands in them.
struct EpochProgress {
  long long epoch = 0;  // completed epochs
  long long stepsPerEpoch = 0;
  std::optional<EpochRecord> last;  // the latest epoch boundary reached
};

// One run as the worker saw it at a step boundary: every field belongs to the same step,
// so loss is exactly the problem's loss at params (for a network, the minibatch objective
// the next update descends).
struct RunSnapshot {
  RunId id = 0;
  // The configuration currently in effect (problem, optimizer, schedule, start).
  std::shared_ptr<const RunConfig> config;
  // Counts restarts (reset, new start, new problem, another optimizer kind): within one
  // generation the step never goes back.
  long long generation = 0;
  long long step = 0;
  Eigen::VectorXd params;
  double loss = 0.0;
  Eigen::VectorXd gradient;     // the gradient the next update will use
  Eigen::VectorXd effectiveLr;  // η_eff of the last update (NaN at step 0)
  std::string effectiveLrTarget;
  std::vector<NamedVector> state;  // the optimizer's named state vectors, copied
  double lr = 0.0;                 // what the next update will use (after the schedule)
  double lastLr = 0.0;             // what the last update used (NaN at step 0)
  bool diverged = false;
  long long divergedAt = -1;  // the step that produced a non-finite value, -1 if none
  long long stepLimit = -1;   // -1: no limit
  bool finished = false;      // reached its step limit
  double stepsPerSecond = 0.0;
  std::optional<EpochProgress> epochs;  // problems with epochs only
};

struct Snapshot {
  std::uint64_t sequence = 0;         // increases with every publication
  std::uint64_t appliedCommands = 0;  // commands applied so far (see Engine::waitUntilIdle)
  bool playing = false;
  double speed = 0.0;             // steps per second per run; +inf = unlimited
  long long totalSteps = 0;       // updates made by the engine since it was created, all runs
  bool idle = false;              // nothing left to step until the next command
  std::string lastError;          // a command that failed in the worker (a bug if ever set)
  std::vector<RunSnapshot> runs;  // in the order they were added

  const RunSnapshot* find(RunId id) const {
    for (const RunSnapshot& run : runs)
      if (run.id == id) return &run;
    return nullptr;
  }
};

// The points a run produced since the last hand-over. When `restarted` is set the run went
// back to step 0 in between: drop what was kept for it before appending these. The points of
// a problem that traces no vectors (a network) are a Trace of dimension 0: step and loss.
struct TraceDelta {
  RunId run = 0;
  long long generation = 0;
  bool restarted = false;
  bool hasEpochs = false;  // the run's problem has epochs: keep an EpochHistory for it
  Trace points;
  // The epoch boundaries reached since the last take (bounded like `points`: beyond
  // kMaxPendingEpochs the older half is thinned by two).
  std::vector<EpochRecord> epochs;

  static constexpr std::size_t kMaxPendingEpochs = 4096;
};

}  // namespace optiscope

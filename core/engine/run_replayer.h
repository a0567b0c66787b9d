#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "core/engine/engine_types.h"
#include "core/engine/run.h"

namespace optiscope {

// A run's state at an earlier step, recomputed by deterministic replay: a Run built from the
// same config gives bit-identical numbers, so nothing but the trace needs to be stored. The
// replayer keeps checkpoints (copies of the Run) along each run it replays, so moving along a
// path (hovering its points, scrubbing a timeline) replays only the steps in between.
//
// Not thread-safe: one owner uses it (a job's worker thread).
class RunReplayer {
 public:
  // A run of one generation (the engine restarts a run under a new generation).
  struct RunKey {
    RunId run = 0;
    long long generation = 0;
    auto operator<=>(const RunKey&) const = default;
  };

  // The Run of `config` (the config that generation started with) at `step`, or at the step
  // it diverged at if earlier; nullopt when `cancel` was seen set (polled every
  // kCancelPollEvery steps; the progress made is kept as a checkpoint) or the config cannot
  // be built.
  std::optional<Run> replay(const RunKey& key, const std::shared_ptr<const RunConfig>& config,
                            long long step, const std::atomic<bool>* cancel = nullptr);

  // Whether `run` is the state a trace recorded: its params and loss bit for bit. (A run whose
  // settings changed after it started follows other numbers than a replay from its config.)
  static bool reproduces(const Run& run, const Eigen::VectorXd& params, double loss);

  std::size_t checkpointCount() const;

  static constexpr long long kCheckpointEvery = 1 << 15;
  static constexpr std::size_t kCheckpointsPerRun = 64;
  static constexpr std::size_t kRunsWithCheckpoints = 16;
  static constexpr long long kCancelPollEvery = 1024;

 private:
  struct Checkpoints {
    std::shared_ptr<const RunConfig> config;
    std::map<long long, Run> runs;  // by step
  };
  void remember(Checkpoints& checkpoints, const Run& run);

  std::map<RunKey, Checkpoints> m_checkpoints;
};

}  // namespace optiscope

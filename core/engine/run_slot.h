#pragma once

#include <memory>
#include <optional>
#include <variant>

#include "core/engine/engine_types.h"
#include "core/engine/epoch_record.h"
#include "core/engine/network_run_config.h"
#include "core/engine/run.h"
#include "core/engine/snapshot.h"
#include "core/nn/network_run.h"

namespace optiscope {

// One run as the engine's worker holds it: a 2D Run or a NetworkRun, with what the worker
// keeps about it (options, configs for snapshots, the delta not yet handed over). A network
// run records step and minibatch loss at every step (a Trace of dimension 0) and an
// EpochRecord at every epoch boundary, step 0 included.
class RunSlot {
 public:
  RunSlot(RunId id, Run run, RunOptions options);
  RunSlot(RunId id, NetworkRun run, std::shared_ptr<const NetworkRunConfig> network,
          RunOptions options);

  RunId id() const { return m_id; }
  bool isNetwork() const { return std::holds_alternative<NetworkRun>(m_runner); }
  long long step() const;
  bool diverged() const;
  bool runnable() const;
  // Dimension of the recorded trace points: the objective's for a 2D run, 0 for a network.
  Eigen::Index traceDim() const;

  RunOptions& options() { return m_options; }
  const RunOptions& options() const { return m_options; }
  long long generation() const { return m_generation; }
  TraceDelta& delta() { return m_delta; }

  // ---- changes (the caller then calls restarted() when one reports a restart)
  void reset();
  // True when the run restarted (another optimizer kind). `network`: a network run's new
  // whole configuration (null for a 2D run).
  bool setOptimizer(const OptimizerConfig& optimizer,
                    std::shared_ptr<const NetworkRunConfig> network);
  void setSchedule(const ScheduleConfig& schedule, std::shared_ptr<const NetworkRunConfig> network);
  void setStart(const Eigen::VectorXd& start);  // 2D runs only; ignored for a network run
  void replace(Run run);
  void replace(NetworkRun run, std::shared_ptr<const NetworkRunConfig> network);

  // The run is back at step 0 with `fresh` as its delta (marked restarted): a new generation,
  // whose first point (and epoch 0) is recorded at once.
  void restarted(TraceDelta fresh);
  // Up to `ticks` updates (fewer at the step limit or on divergence), each one recorded.
  long long advance(long long ticks);

  // Steps/s over the last rate window, refreshed by the worker.
  void refreshRate(double seconds);
  void fillSnapshot(RunSnapshot& out, bool idle) const;

 private:
  void recordCurrent();
  void recordEpoch(NetworkRun& run);
  void refreshConfigs();

  RunId m_id;
  std::variant<Run, NetworkRun> m_runner;
  RunOptions m_options;
  std::shared_ptr<const RunConfig> m_config;
  std::shared_ptr<const NetworkRunConfig> m_network;  // null for a 2D run
  long long m_generation = -1;                        // restarted() makes a new slot's 0
  TraceDelta m_delta;
  std::optional<EpochRecord> m_lastEpoch;
  long long m_updates = 0;  // since the slot was created, for the steps/s figure
  long long m_updatesAtRateMark = 0;
  double m_stepsPerSecond = 0.0;
};

}  // namespace optiscope

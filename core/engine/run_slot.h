#pragma once

#include <memory>
#include <optional>

#include "core/engine/engine_types.h"
#include "core/engine/epoch_record.h"
#include "core/engine/run.h"
#include "core/engine/snapshot.h"

namespace optiscope {

// One run as the engine's worker holds it, with what the worker keeps about it (options, the
// config for snapshots, the delta not yet handed over). Every step is recorded in the delta:
// with params, gradient and η_eff when the problem traces vectors, else step and loss only;
// a problem with epochs also gets an EpochRecord at every epoch boundary, step 0 included.
class RunSlot {
 public:
  RunSlot(RunId id, Run run, std::shared_ptr<const RunConfig> config, RunOptions options);

  RunId id() const { return m_id; }
  long long step() const { return m_run.step(); }
  bool diverged() const { return m_run.diverged(); }
  bool runnable() const;
  bool hasEpochs() const { return m_stepsPerEpoch > 0; }
  // Dimension of the recorded trace points (0 when the problem traces no vectors).
  Eigen::Index traceDim() const;

  RunOptions& options() { return m_options; }
  const RunOptions& options() const { return m_options; }
  long long generation() const { return m_generation; }
  TraceDelta& delta() { return m_delta; }

  // ---- changes (the caller then calls restarted() when one reports a restart); `config` is
  // the run's whole configuration after the change
  void reset();
  // True when the run restarted (another optimizer kind).
  bool setOptimizer(const OptimizerConfig& optimizer, std::shared_ptr<const RunConfig> config);
  void setSchedule(const ScheduleConfig& schedule, std::shared_ptr<const RunConfig> config);
  void setStart(const Eigen::VectorXd& start, std::shared_ptr<const RunConfig> config);
  void replace(Run run, std::shared_ptr<const RunConfig> config);

  // The run is back at step 0 with `fresh` as its delta (marked restarted): a new generation,
  // whose first point (and epoch 0) is recorded at once.
  void restarted(TraceDelta fresh);
  // Up to `ticks` updates (fewer at the step limit or on divergence), each one recorded.
  long long advance(long long ticks);

  // Steps/s over the last rate window, refreshed by the worker.
  void refreshRate(double seconds);
  void fillSnapshot(RunSnapshot& out, bool idle) const;

 private:
  void record();
  void recordEpoch();

  RunId m_id;
  Run m_run;
  std::shared_ptr<const RunConfig> m_config;
  RunOptions m_options;
  long long m_stepsPerEpoch = 0;  // of the current problem (0: no epochs)
  bool m_tracesVectors = true;
  long long m_generation = -1;  // restarted() makes a new slot's 0
  TraceDelta m_delta;
  std::optional<EpochRecord> m_lastEpoch;
  long long m_updates = 0;  // since the slot was created, for the steps/s figure
  long long m_updatesAtRateMark = 0;
  double m_stepsPerSecond = 0.0;
};

}  // namespace optiscope

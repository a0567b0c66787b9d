#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>

#include "core/nn/network_task.h"
#include "core/optim/optimizer.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {

// One optimizer training one network: the network counterpart of core/engine/run.h's Run,
// with the same step convention. Step k (k >= 1):
//   θ_k = optimizer.step(θ_{k−1}, g_{k−1});  move to the next minibatch;
//   loss_k, g_k = minibatch loss (+ penalty) and gradient at θ_k;  schedule.step(loss_k)
// so gradient() is always the one the next update uses. The schedule therefore advances once
// per minibatch step (its t_max, step_size, ... count steps, not epochs), and
// reduce_on_plateau watches the minibatch loss. An epoch is batchesPerEpoch() steps.
// A run is deterministic: the task's seed and the configs fix every number. Copying a
// NetworkRun copies all state (a checkpoint for exact replay).
class NetworkRun {
 public:
  // start: the initial parameters (nullopt: the task's seeded initialParameters(), so runs
  // of different optimizers on one task start from the same network). Throws SpecError.
  NetworkRun(NetworkTask task, OptimizerConfig optimizer,
             ScheduleConfig schedule = parseScheduleSpec("constant"),
             std::optional<Eigen::VectorXd> start = std::nullopt);
  NetworkRun(const NetworkRun& other);
  NetworkRun& operator=(const NetworkRun& other);
  NetworkRun(NetworkRun&&) noexcept = default;
  NetworkRun& operator=(NetworkRun&&) noexcept = default;
  ~NetworkRun();

  // Back to the start parameters at step 0, epoch 0, with fresh optimizer state.
  void reset();
  // One minibatch update; allocates nothing. Does nothing once the run has diverged.
  void advance();
  // Updates until the current epoch is complete (at least one update).
  void advanceEpoch();

  // Live changes, effective from the next update (optimizer state is kept; the schedule is
  // fast-forwarded to the current step as in Run). A different optimizer name resets the run.
  void setOptimizerConfig(const OptimizerConfig& optimizer);
  void setScheduleConfig(const ScheduleConfig& schedule);

  long long step() const { return m_step; }
  long long epoch() const { return m_step / batchesPerEpoch(); }  // completed epochs
  Eigen::Index batchesPerEpoch() const { return m_task.batches().batchesPerEpoch(); }
  const Eigen::VectorXd& params() const { return m_params; }
  const Eigen::VectorXd& startParams() const { return m_start; }
  double loss() const { return m_loss; }  // minibatch objective the next update descends
  const Eigen::VectorXd& gradient() const { return m_gradient; }
  // Per-parameter rates applied in the last update, in the parameter layout (see
  // Mlp::layers() for each layer's W and b); NaN at step 0.
  const Eigen::VectorXd& effectiveLr() const { return m_optimizer->effectiveLr(); }
  double lastLr() const { return m_lastLr; }
  bool diverged() const { return m_diverged; }

  // Whole train and test sets at the current parameters.
  NetworkMetrics evaluate() { return m_task.evaluate(m_params); }

  const NetworkTask& task() const { return m_task; }
  NetworkTask& task() { return m_task; }
  const Optimizer& optimizer() const { return *m_optimizer; }
  const OptimizerConfig& optimizerConfig() const { return m_optimizerConfig; }
  const ScheduleConfig& scheduleConfig() const { return m_scheduleConfig; }

 private:
  void evaluateAtParams();
  void attachSchedule();

  NetworkTask m_task;
  OptimizerConfig m_optimizerConfig;
  ScheduleConfig m_scheduleConfig;
  std::unique_ptr<Optimizer> m_optimizer;
  std::unique_ptr<Schedule> m_schedule;
  Eigen::VectorXd m_start, m_params, m_gradient;
  double m_loss = 0.0;
  double m_lastLr = 0.0;
  long long m_step = 0;
  bool m_diverged = false;
};

}  // namespace optiscope

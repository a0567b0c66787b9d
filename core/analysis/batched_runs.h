#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/analysis/run_summary.h"
#include "core/objectives/gradient_noise.h"
#include "core/objectives/objective.h"
#include "core/optim/optimizer.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {

// Many runs of one elementwise optimizer on one 2D function, from different starts, stepped
// as ONE parameter vector: p = (x_0 … x_{n-1}, y_0 … y_{n-1}) goes through the optimizer's own
// kernel in one call per step, and the objective's batched gradient fills g the same way.
//
// Why this is exact: an elementwise optimizer (Optimizer::elementwise) updates coordinate i
// from p_i, g_i and its own state entries with scalars (bias corrections, step sizes, the
// scheduled lr) that depend only on the hyperparameters and the step count, and all runs here
// share both. The noise of step k is σ·z(seed, k, coordinate) with coordinate 0 for x and 1 for
// y, the same two numbers for every run, as each run alone would draw them. So every run is,
// bit for bit, the Run of run_command from its start (tests/core/analysis check it for the
// whole catalog).
//
// A run that diverges keeps its non-finite coordinates in the vector; elementwise arithmetic
// carries them along without touching the others, and its summary stops at the divergence
// as `run` stops there.
class BatchedRuns {
 public:
  // Starts in xs and ys (same size). Throws std::logic_error for an optimizer that is not
  // elementwise, a schedule that reads the loss, or a function that is not 2D.
  BatchedRuns(const Objective& objective, const OptimizerConfig& optimizer,
              const ScheduleConfig& schedule, double noiseSigma, std::uint64_t noiseSeed,
              const Eigen::VectorXd& xs, const Eigen::VectorXd& ys);

  // One update of every run that has not diverged (the others are carried along). Allocates
  // nothing.
  void advance();

  Eigen::Index size() const { return m_count; }
  long long step() const { return m_step; }
  Eigen::Index running() const { return m_running; }  // runs that have not diverged
  RunSummary summary(Eigen::Index i) const;
  // The point of run i's last row: the current one, or where it diverged.
  double finalX(Eigen::Index i) const;
  double finalY(Eigen::Index i) const;

  // Whether runs with this optimizer and schedule can be batched at all.
  static bool canBatch(const OptimizerConfig& optimizer, const ScheduleConfig& schedule);

 private:
  void evaluate();
  void record();

  std::unique_ptr<Objective> m_objective;
  std::unique_ptr<Optimizer> m_optimizer;
  std::unique_ptr<Schedule> m_schedule;
  GradientNoise m_noise;
  Eigen::Index m_count;
  double m_minimumValue;
  long long m_step = 0;
  Eigen::Index m_running;
  Eigen::VectorXd m_params, m_gradient, m_loss;  // params, gradient: x block then y block
  // RunSummary per run, one array per field so that recording a step is one vectorized pass:
  // best loss, the step the tolerance was reached (-1: not yet; a double, like the others,
  // so that the pass runs at one vector width) and 1 while running, 0 once diverged.
  Eigen::VectorXd m_best, m_toleranceStep, m_running01;
  // Where a run diverged: its step and the values of that row.
  std::vector<long long> m_divergedAt;
  Eigen::VectorXd m_divergedLoss, m_divergedX, m_divergedY;
};

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/engine/problem.h"
#include "core/optim/optimizer.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {

// Everything that determines a run's numbers: with the same config, every front end (CLI,
// engine, GUI, experiment files) produces bit-identical sequences.
struct RunConfig {
  // What is descended (a test function with its noise, a network task). Shared and never
  // stepped: each Run steps a clone of it.
  std::shared_ptr<const Problem> problem;
  OptimizerConfig optimizer;
  ScheduleConfig schedule;               // `constant` = no schedule
  std::optional<Eigen::VectorXd> start;  // nullopt: the problem's default start
};

// A fully parsed and validated RunConfig on a test function, from user-facing specs; throws
// SpecError.
RunConfig makeRunConfig(const std::string& function, const std::string& optimizer,
                        const std::string& schedule = "constant",
                        std::optional<Eigen::VectorXd> start = std::nullopt,
                        double noiseSigma = 0.0, std::uint64_t noiseSeed = 0);

// One optimizer descending one Problem: the unit that the CLI and the engine both step.
// Step k (k >= 1) follows torch's canonical loop:
//   update k uses the gradient at θ_{k-1};  θ_k = optimizer.step(θ_{k-1}, g_{k-1})
//   the problem moves on to step k's data (the next minibatch)
//   loss_k, g_k = the problem's loss and gradient at θ_k for step k;  schedule.step(loss_k)
// so gradient() is always the gradient at params(), exactly what the next update will use.
// The schedule therefore advances once per step (a network's schedule counts minibatch steps,
// not epochs). Copying a Run copies all state (a checkpoint for deterministic replay).
class Run {
 public:
  explicit Run(RunConfig config);  // throws SpecError (e.g. a start of the wrong dimension)
  Run(const Run& other);
  Run& operator=(const Run& other);
  Run(Run&&) noexcept = default;
  Run& operator=(Run&&) noexcept = default;
  ~Run();

  // Back to the start at step 0 with fresh optimizer state.
  void reset();
  // One update. Allocates nothing. Does nothing once the run has diverged.
  void advance();
  // Updates until the current epoch is complete (at least one update); problems with epochs.
  void advanceEpoch();

  // Live changes, effective from the next update; optimizer state is kept. The schedule is
  // re-attached and fast-forwarded to the current step, so its lr is what an uninterrupted run
  // with the new settings would have now. Another optimizer kind resets the run.
  void setOptimizerConfig(const OptimizerConfig& optimizer);
  void setScheduleConfig(const ScheduleConfig& schedule);
  // A new start resets the run.
  void setStart(const Eigen::VectorXd& start);

  long long step() const { return m_step; }
  // Completed epochs (0 for a problem without epochs).
  long long epoch() const;
  const Eigen::VectorXd& params() const { return m_params; }
  const Eigen::VectorXd& startParams() const { return m_start; }
  double loss() const { return m_loss; }
  const Eigen::VectorXd& gradient() const { return m_gradient; }
  // The per-parameter rates applied in the last update (NaN at step 0).
  const Eigen::VectorXd& effectiveLr() const { return m_optimizer->effectiveLr(); }
  double lastLr() const { return m_lastLr; }  // lr used by the last update (NaN at step 0)
  bool diverged() const { return m_diverged; }

  const RunConfig& config() const { return m_config; }
  const Problem& problem() const { return *m_problem; }
  Problem& problem() { return *m_problem; }
  const Optimizer& optimizer() const { return *m_optimizer; }

 private:
  void evaluateAtParams();
  void attachSchedule();

  RunConfig m_config;
  std::unique_ptr<Problem> m_problem;
  std::unique_ptr<Optimizer> m_optimizer;
  std::unique_ptr<Schedule> m_schedule;
  Eigen::VectorXd m_start, m_params, m_gradient;
  double m_loss = 0.0;
  double m_lastLr = 0.0;
  long long m_step = 0;
  bool m_diverged = false;
};

}  // namespace optiscope

#pragma once

#include <cstdint>
#include <memory>

#include "core/engine/problem.h"
#include "core/engine/run.h"
#include "core/objectives/gradient_noise.h"
#include "core/objectives/objective.h"

namespace optiscope {

// A test function as a Problem: f and its exact gradient, plus the run's gradient noise
// (g += σ·z(seed, step, i), see GradientNoise), so noise belongs to the problem a run sees.
class ObjectiveProblem final : public Problem {
 public:
  // Throws SpecError for a bad objective spec or a negative or non-finite σ.
  explicit ObjectiveProblem(ObjectiveConfig objective, double noiseSigma = 0.0,
                            std::uint64_t noiseSeed = 0);
  ObjectiveProblem(const ObjectiveProblem& other);
  ObjectiveProblem& operator=(const ObjectiveProblem&) = delete;

  const ObjectiveConfig& objectiveConfig() const { return m_config; }
  const Objective& objective() const { return *m_objective; }
  double noiseSigma() const { return m_noise.sigma(); }
  std::uint64_t noiseSeed() const { return m_noise.seed(); }

  std::unique_ptr<Problem> clone() const override;
  Eigen::Index dimension() const override { return m_objective->dim(); }
  Eigen::VectorXd defaultStart() const override { return m_objective->defaultStart(); }
  std::string describe() const override { return m_config.spec(); }
  void restart() override {}
  void advance() override {}
  double lossAndGradient(long long step, const Eigen::VectorXd& params,
                         Eigen::VectorXd& gradient) override;
  bool tracesVectors() const override { return true; }

 private:
  ObjectiveConfig m_config;
  std::unique_ptr<Objective> m_objective;
  GradientNoise m_noise;
};

// A RunConfig on a test function with its gradient noise (validated when a Run is built).
RunConfig objectiveRunConfig(const ObjectiveConfig& objective, OptimizerConfig optimizer,
                             ScheduleConfig schedule, std::optional<Eigen::VectorXd> start,
                             double noiseSigma = 0.0, std::uint64_t noiseSeed = 0);

// The problem of a config known to descend a test function, or null.
const ObjectiveProblem* objectiveProblemOf(const Problem* problem);

}  // namespace optiscope

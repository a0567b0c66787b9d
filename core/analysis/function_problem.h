#pragma once

#include <Eigen/Core>
#include <optional>

#include "core/analysis/sweep_problem.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run.h"

namespace optiscope {

// A test function (2-D or N-d) from one start with gradient noise σ, run for a fixed number of
// steps: the sweep problem of `optiscope-cli sweep`. A run is exactly `optiscope-cli run
// --function F --optimizer SPEC --start X,Y --noise σ --seed k --steps K` (the same Run,
// stepped the same way), so every summary matches that command's rows bit for bit.
class FunctionProblem final : public SweepProblem {
 public:
  // Throws SpecError for a start of the wrong dimension or non-finite coordinates, a negative
  // or non-finite σ, or steps < 0.
  FunctionProblem(ObjectiveConfig objective, std::optional<Eigen::VectorXd> start,
                  double noiseSigma, long long steps, ScheduleConfig schedule = {});

  void check(const OptimizerConfig& optimizer) const override;
  std::optional<RunSummary> run(const OptimizerConfig& optimizer, std::uint64_t seed,
                                std::stop_token stop,
                                std::vector<double>* lossCurve = nullptr) const override;
  long long length() const override { return m_steps; }
  double referenceValue() const override { return m_minimumValue; }

  const ObjectiveConfig& objective() const { return m_objective; }

 private:
  RunConfig runConfig(const OptimizerConfig& optimizer, std::uint64_t seed) const;

  ObjectiveConfig m_objective;
  std::optional<Eigen::VectorXd> m_start;
  double m_noiseSigma;
  long long m_steps;
  ScheduleConfig m_schedule;
  double m_minimumValue;
};

}  // namespace optiscope

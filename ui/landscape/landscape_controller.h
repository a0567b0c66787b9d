#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>

#include "core/objectives/objective.h"
#include "ui/common/run_controller.h"

namespace optiscope::ui {

// The Landscape page's controller: every run descends one test function from one start point,
// each with its own gradient noise.
class LandscapeController : public RunController {
  Q_OBJECT
 public:
  explicit LandscapeController(QObject* parent = nullptr);

  // ---- the scene: one objective and one start point shared by every run
  const ObjectiveConfig& objective() const { return m_objective; }
  const Eigen::VectorXd& start() const { return m_start; }
  // Restarts every run on the new objective, from `start` or the objective's default start.
  void setObjective(const ObjectiveConfig& objective,
                    std::optional<Eigen::VectorXd> start = std::nullopt);
  // Restarts every run from `start` (which must have the objective's dimension).
  void setStart(const Eigen::VectorXd& start);
  // (Both announce problemChanged.)
  // Replaces all runs with the default scene (Rosenbrock, SGD … Adam).
  void loadDefaultScene();

  // ---- runs
  using RunController::addRun;
  RunId addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule, double noiseSigma,
               std::uint64_t noiseSeed, std::optional<RunStyle> style = std::nullopt);
  // Gradient noise belongs to a run's problem: changing it restarts that run (same id).
  void setNoise(RunId id, double sigma, std::uint64_t seed);
  double noiseSigma(RunId id) const;
  std::uint64_t noiseSeed(RunId id) const;

 protected:
  RunConfig newRunConfig(const OptimizerConfig& optimizer,
                         const ScheduleConfig& schedule) const override;

 private:
  ObjectiveConfig m_objective;
  Eigen::VectorXd m_start;
};

}  // namespace optiscope::ui

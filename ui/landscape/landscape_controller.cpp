#include "ui/landscape/landscape_controller.h"

#include <cmath>

#include "core/engine/objective_problem.h"
#include "core/engine/problem_changes.h"
#include "core/experiment/default_scenes.h"
#include "core/util/spec_error.h"
#include "ui/landscape/landscape_scene.h"

namespace optiscope::ui {

namespace {

const ObjectiveProblem& planarOf(const RunConfig& config) {
  return *objectiveProblemOf(config.problem.get());
}

}  // namespace

LandscapeController::LandscapeController(QObject* parent) : RunController(parent) {
  m_objective = parseObjectiveSpec(defaultLandscapeScene().function);
  m_start = makeObjective(m_objective)->defaultStart();
}

void LandscapeController::setObjective(const ObjectiveConfig& objective,
                                       std::optional<Eigen::VectorXd> start) {
  const Eigen::VectorXd newStart = start ? *start : makeObjective(objective)->defaultStart();
  restartOnObjective(engine(), objective, newStart);
  m_objective = objective;
  m_start = newStart;
  emit problemChanged();
}

void LandscapeController::setStart(const Eigen::VectorXd& start) {
  if (start.size() != m_start.size())
    throw SpecError("start must have " + std::to_string(m_start.size()) + " coordinates");
  for (double x : start)
    if (!std::isfinite(x)) throw SpecError("start coordinates must be finite numbers");
  for (RunId id : runIds()) engine().setStart(id, start);
  m_start = start;
  emit problemChanged();
}

void LandscapeController::loadDefaultScene() { applyLandscapeRuns(*this, defaultLandscapeScene()); }

RunConfig LandscapeController::newRunConfig(const OptimizerConfig& optimizer,
                                            const ScheduleConfig& schedule) const {
  return {std::make_shared<const ObjectiveProblem>(m_objective), optimizer, schedule, m_start};
}

RunId LandscapeController::addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule,
                                  double noiseSigma, std::uint64_t noiseSeed,
                                  std::optional<RunStyle> style) {
  RunConfig config = newRunConfig(optimizer, schedule);
  config.problem = std::make_shared<const ObjectiveProblem>(m_objective, noiseSigma, noiseSeed);
  return addRunConfig(config, std::move(style));
}

void LandscapeController::setNoise(RunId id, double sigma, std::uint64_t seed) {
  RunConfig config = runConfig(id);
  const ObjectiveProblem& planar = planarOf(config);
  if (planar.noiseSigma() == sigma && planar.noiseSeed() == seed) return;
  config.problem = std::make_shared<const ObjectiveProblem>(m_objective, sigma, seed);
  restartRuns({{id, config}});
}

double LandscapeController::noiseSigma(RunId id) const {
  return planarOf(runConfig(id)).noiseSigma();
}

std::uint64_t LandscapeController::noiseSeed(RunId id) const {
  return planarOf(runConfig(id)).noiseSeed();
}

}  // namespace optiscope::ui

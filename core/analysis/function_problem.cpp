#include "core/analysis/function_problem.h"

#include <cmath>
#include <string>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// A 2-D step costs tens of nanoseconds: polling the stop flag every 256 steps keeps its cost
// out of sight and still answers a stop within microseconds.
constexpr long long kRunStopPollSteps = 256;

}  // namespace

FunctionProblem::FunctionProblem(ObjectiveConfig objective, std::optional<Eigen::VectorXd> start,
                                 double noiseSigma, long long steps, ScheduleConfig schedule)
    : m_objective(std::move(objective)),
      m_start(std::move(start)),
      m_noiseSigma(noiseSigma),
      m_steps(steps),
      m_schedule(std::move(schedule)) {
  if (steps < 0) throw SpecError("steps must be >= 0, got " + std::to_string(steps));
  if (!std::isfinite(noiseSigma) || noiseSigma < 0.0)
    throw SpecError("noise must be a finite number >= 0, got " + formatDouble(noiseSigma));
  const auto objectiveProbe = makeObjective(m_objective);
  m_minimumValue = objectiveProbe->minimumValue();
  if (m_start && m_start->size() != objectiveProbe->dim())
    throw SpecError("start has " + std::to_string(m_start->size()) + " coordinates but " +
                    m_objective.spec() + " needs " + std::to_string(objectiveProbe->dim()));
  if (m_start && !m_start->allFinite()) throw SpecError("start coordinates must be finite numbers");
}

RunConfig FunctionProblem::runConfig(const OptimizerConfig& optimizer, std::uint64_t seed) const {
  return objectiveRunConfig(m_objective, optimizer, m_schedule, m_start, m_noiseSigma, seed);
}

void FunctionProblem::check(const OptimizerConfig& optimizer) const {
  Run probe(runConfig(optimizer, 0));
}

std::optional<RunSummary> FunctionProblem::run(const OptimizerConfig& optimizer, std::uint64_t seed,
                                               std::stop_token stop,
                                               std::vector<double>* lossCurve) const {
  Run run(runConfig(optimizer, seed));
  RunSummary summary;
  // The rows of `optiscope-cli run`: row 0, then one per update until the end or the first
  // non-finite row.
  const auto observe = [&] {
    summary.observe(run.step(), run.loss(), m_minimumValue);
    if (lossCurve) lossCurve->push_back(run.loss());
  };
  if (lossCurve) lossCurve->reserve(static_cast<std::size_t>(m_steps) + 1);
  observe();
  for (long long k = 1; k <= m_steps && !run.diverged(); ++k) {
    if (k % kRunStopPollSteps == 0 && stop.stop_requested()) return std::nullopt;
    run.advance();
    observe();
  }
  if (stop.stop_requested()) return std::nullopt;
  summary.divergedAt = run.diverged() ? run.step() : -1;
  return summary;
}

}  // namespace optiscope

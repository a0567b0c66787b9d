#include "core/engine/run.h"

#include <cmath>
#include <limits>

#include "core/engine/objective_problem.h"
#include "core/util/spec_error.h"

namespace optiscope {

RunConfig makeRunConfig(const std::string& function, const std::string& optimizer,
                        const std::string& schedule, std::optional<Eigen::VectorXd> start,
                        double noiseSigma, std::uint64_t noiseSeed) {
  if (!std::isfinite(noiseSigma) || noiseSigma < 0.0)
    throw SpecError("noise must be a finite number >= 0, got " + formatDouble(noiseSigma));
  RunConfig config{
      std::make_shared<const ObjectiveProblem>(parseObjectiveSpec(function), noiseSigma, noiseSeed),
      parseOptimizerSpec(optimizer), parseScheduleSpec(schedule), std::move(start)};
  Run probe(config);  // the start dimension and schedule/optimizer fit are checked here
  return config;
}

namespace {

std::unique_ptr<Problem> cloneOf(const RunConfig& config) {
  if (!config.problem) throw SpecError("a run needs a problem to descend");
  return config.problem->clone();
}

}  // namespace

Run::Run(RunConfig config)
    : m_config(std::move(config)),
      m_problem(cloneOf(m_config)),
      m_optimizer(makeOptimizer(m_config.optimizer)),
      m_schedule(makeSchedule(m_config.schedule)) {
  const Eigen::Index n = m_problem->dimension();
  m_start = m_config.start ? *m_config.start : m_problem->defaultStart();
  if (m_start.size() != n)
    throw SpecError("start has " + std::to_string(m_start.size()) + " coordinates but " +
                    m_problem->describe() + " needs " + std::to_string(n));
  for (double x : m_start)
    if (!std::isfinite(x)) throw SpecError("start coordinates must be finite numbers");
  reset();
}

Run::Run(const Run& other)
    : m_config(other.m_config),
      m_problem(other.m_problem->clone()),
      m_optimizer(other.m_optimizer->clone()),
      m_schedule(other.m_schedule->clone()),
      m_start(other.m_start),
      m_params(other.m_params),
      m_gradient(other.m_gradient),
      m_loss(other.m_loss),
      m_lastLr(other.m_lastLr),
      m_step(other.m_step),
      m_diverged(other.m_diverged) {}

Run& Run::operator=(const Run& other) {
  if (this != &other) *this = Run(other);
  return *this;
}

Run::~Run() = default;

long long Run::epoch() const {
  const long long perEpoch = m_problem->stepsPerEpoch();
  return perEpoch > 0 ? m_step / perEpoch : 0;
}

void Run::reset() {
  m_optimizer->setHyperparameters(m_config.optimizer.values);
  m_optimizer->init(m_start.size());
  m_params = m_start;
  m_gradient.resize(m_start.size());
  m_step = 0;
  m_diverged = false;
  m_lastLr = std::numeric_limits<double>::quiet_NaN();
  m_problem->restart();
  m_schedule->attach(*m_optimizer);
  evaluateAtParams();
}

void Run::evaluateAtParams() {
  m_loss = m_problem->lossAndGradient(m_step, m_params, m_gradient);
  bool finite = std::isfinite(m_loss);
  for (Eigen::Index i = 0; finite && i < m_params.size(); ++i)
    finite = std::isfinite(m_params[i]) && std::isfinite(m_gradient[i]);
  m_diverged = !finite;
}

void Run::advance() {
  if (m_diverged) return;
  m_lastLr = m_optimizer->lr();
  m_optimizer->step(m_params, m_gradient);
  ++m_step;
  m_problem->advance();
  evaluateAtParams();
  m_schedule->step(*m_optimizer, m_loss);
}

void Run::advanceEpoch() {
  const long long perEpoch = m_problem->stepsPerEpoch();
  do {
    advance();
  } while (!m_diverged && perEpoch > 0 && m_step % perEpoch != 0);
}

void Run::attachSchedule() {
  // Replaying the schedule's own clock gives the lr an uninterrupted run would have now;
  // reduce_on_plateau sees the current loss for the replayed steps (its history is not kept).
  m_schedule->attach(*m_optimizer);
  for (long long k = 0; k < m_step; ++k) m_schedule->step(*m_optimizer, m_loss);
}

void Run::setOptimizerConfig(const OptimizerConfig& optimizer) {
  if (optimizer.name != m_config.optimizer.name) {
    auto fresh = makeOptimizer(optimizer);
    m_config.optimizer = optimizer;
    m_optimizer = std::move(fresh);
    reset();
    return;
  }
  m_optimizer->setHyperparameters(optimizer.values);  // throws before anything changes
  m_config.optimizer = optimizer;
  attachSchedule();
}

void Run::setScheduleConfig(const ScheduleConfig& schedule) {
  auto fresh = makeSchedule(schedule);
  std::swap(m_schedule, fresh);
  try {
    attachSchedule();
  } catch (...) {
    std::swap(m_schedule, fresh);
    attachSchedule();
    throw;
  }
  m_config.schedule = schedule;
}

void Run::setStart(const Eigen::VectorXd& start) {
  if (start.size() != m_problem->dimension())
    throw SpecError("start has " + std::to_string(start.size()) + " coordinates; " +
                    m_problem->describe() + " needs " + std::to_string(m_problem->dimension()));
  for (double x : start)
    if (!std::isfinite(x)) throw SpecError("start coordinates must be finite numbers");
  m_config.start = start;
  m_start = start;
  reset();
}

}  // namespace optiscope

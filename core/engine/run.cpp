#include "core/engine/run.h"

#include <cmath>
#include <limits>

#include "core/util/spec_error.h"

namespace optiscope {

RunConfig makeRunConfig(const std::string& function, const std::string& optimizer,
                        const std::string& schedule, std::optional<Eigen::VectorXd> start,
                        double noiseSigma, std::uint64_t noiseSeed) {
  RunConfig config{parseObjectiveSpec(function),
                   parseOptimizerSpec(optimizer),
                   parseScheduleSpec(schedule),
                   std::move(start),
                   noiseSigma,
                   noiseSeed};
  if (!std::isfinite(noiseSigma) || noiseSigma < 0.0)
    throw SpecError("noise must be a finite number >= 0, got " + formatDouble(noiseSigma));
  Run probe(config);  // the start dimension and schedule/optimizer fit are checked here
  return config;
}

Run::Run(RunConfig config)
    : m_config(std::move(config)),
      m_objective(makeObjective(m_config.objective)),
      m_optimizer(makeOptimizer(m_config.optimizer)),
      m_schedule(makeSchedule(m_config.schedule)),
      m_noise(m_config.noiseSigma, m_config.noiseSeed) {
  const Eigen::Index n = m_objective->dim();
  m_start = m_config.start ? *m_config.start : m_objective->defaultStart();
  if (m_start.size() != n)
    throw SpecError("start has " + std::to_string(m_start.size()) + " coordinates but " +
                    m_config.objective.spec() + " needs " + std::to_string(n));
  for (double x : m_start)
    if (!std::isfinite(x)) throw SpecError("start coordinates must be finite numbers");
  reset();
}

Run::Run(const Run& other)
    : m_config(other.m_config),
      m_objective(other.m_objective->clone()),
      m_optimizer(other.m_optimizer->clone()),
      m_schedule(other.m_schedule->clone()),
      m_noise(other.m_noise),
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

void Run::reset() {
  m_optimizer->setHyperparameters(m_config.optimizer.values);
  m_optimizer->init(m_start.size());
  m_params = m_start;
  m_gradient.resize(m_start.size());
  m_step = 0;
  m_diverged = false;
  m_lastLr = std::numeric_limits<double>::quiet_NaN();
  m_schedule->attach(*m_optimizer);
  evaluateAtParams();
}

void Run::evaluateAtParams() {
  m_loss = m_objective->valueAndGradient(m_params, m_gradient);
  m_noise.perturb(m_step, m_gradient);
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
  evaluateAtParams();
  m_schedule->step(*m_optimizer, m_loss);
}

void Run::attachSchedule() {
  // Replaying the schedule's own clock gives the lr an uninterrupted run would have now;
  // reduce_on_plateau sees the current loss for the replayed steps (its history is not kept).
  m_schedule->attach(*m_optimizer);
  for (long long k = 0; k < m_step; ++k) m_schedule->step(*m_optimizer, m_loss);
}

void Run::setOptimizerConfig(const OptimizerConfig& optimizer) {
  if (optimizer.name != m_config.optimizer.name) {
    m_config.optimizer = optimizer;
    m_optimizer = makeOptimizer(optimizer);
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
  if (start.size() != m_objective->dim())
    throw SpecError("start has " + std::to_string(start.size()) + " coordinates; " +
                    m_config.objective.spec() + " needs " + std::to_string(m_objective->dim()));
  m_config.start = start;
  m_start = start;
  reset();
}

}  // namespace optiscope

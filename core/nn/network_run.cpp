#include "core/nn/network_run.h"

#include <cmath>
#include <limits>
#include <string>

#include "core/util/spec_error.h"

namespace optiscope {

NetworkRun::NetworkRun(NetworkTask task, OptimizerConfig optimizer, ScheduleConfig schedule,
                       std::optional<Eigen::VectorXd> start)
    : m_task(std::move(task)),
      m_optimizerConfig(std::move(optimizer)),
      m_scheduleConfig(std::move(schedule)),
      m_optimizer(makeOptimizer(m_optimizerConfig)),
      m_schedule(makeSchedule(m_scheduleConfig)),
      m_start(start ? *start : m_task.initialParameters()) {
  if (m_start.size() != m_task.parameterCount())
    throw SpecError("start has " + std::to_string(m_start.size()) +
                    " parameters; the network has " + std::to_string(m_task.parameterCount()));
  for (double x : m_start)
    if (!std::isfinite(x)) throw SpecError("start parameters must be finite numbers");
  reset();
}

NetworkRun::NetworkRun(const NetworkRun& other)
    : m_task(other.m_task),
      m_optimizerConfig(other.m_optimizerConfig),
      m_scheduleConfig(other.m_scheduleConfig),
      m_optimizer(other.m_optimizer->clone()),
      m_schedule(other.m_schedule->clone()),
      m_start(other.m_start),
      m_params(other.m_params),
      m_gradient(other.m_gradient),
      m_loss(other.m_loss),
      m_lastLr(other.m_lastLr),
      m_step(other.m_step),
      m_diverged(other.m_diverged) {}

NetworkRun& NetworkRun::operator=(const NetworkRun& other) {
  if (this != &other) *this = NetworkRun(other);
  return *this;
}

NetworkRun::~NetworkRun() = default;

void NetworkRun::reset() {
  m_optimizer->setHyperparameters(m_optimizerConfig.values);
  m_optimizer->init(m_start.size());
  m_params = m_start;
  m_gradient.resize(m_start.size());
  m_step = 0;
  m_diverged = false;
  m_lastLr = std::numeric_limits<double>::quiet_NaN();
  m_task.restartBatches();
  m_schedule->attach(*m_optimizer);
  evaluateAtParams();
}

void NetworkRun::evaluateAtParams() {
  m_loss = m_task.lossAndGradient(m_params, m_gradient);
  bool finite = std::isfinite(m_loss);
  for (Eigen::Index i = 0; finite && i < m_params.size(); ++i)
    finite = std::isfinite(m_params[i]) && std::isfinite(m_gradient[i]);
  m_diverged = !finite;
}

void NetworkRun::advance() {
  if (m_diverged) return;
  m_lastLr = m_optimizer->lr();
  m_optimizer->step(m_params, m_gradient);
  ++m_step;
  m_task.advanceBatch();
  evaluateAtParams();
  m_schedule->step(*m_optimizer, m_loss);
}

void NetworkRun::advanceEpoch() {
  do {
    advance();
  } while (!m_diverged && m_step % batchesPerEpoch() != 0);
}

void NetworkRun::attachSchedule() {
  // As Run: replaying the schedule's clock gives the lr an uninterrupted run would have now.
  m_schedule->attach(*m_optimizer);
  for (long long k = 0; k < m_step; ++k) m_schedule->step(*m_optimizer, m_loss);
}

void NetworkRun::setOptimizerConfig(const OptimizerConfig& optimizer) {
  if (optimizer.name != m_optimizerConfig.name) {
    auto fresh = makeOptimizer(optimizer);
    m_optimizerConfig = optimizer;
    m_optimizer = std::move(fresh);
    reset();
    return;
  }
  m_optimizer->setHyperparameters(optimizer.values);  // throws before anything changes
  m_optimizerConfig = optimizer;
  attachSchedule();
}

void NetworkRun::setScheduleConfig(const ScheduleConfig& schedule) {
  auto fresh = makeSchedule(schedule);
  std::swap(m_schedule, fresh);
  try {
    attachSchedule();
  } catch (...) {
    std::swap(m_schedule, fresh);
    attachSchedule();
    throw;
  }
  m_scheduleConfig = schedule;
}

}  // namespace optiscope

#include "core/engine/run_slot.h"

#include <algorithm>
#include <string>
#include <utility>

namespace optiscope {
namespace {

// What the trace points of a problem that traces no vectors carry instead.
const Eigen::VectorXd& noVector() {
  static const Eigen::VectorXd empty;
  return empty;
}

}  // namespace

RunSlot::RunSlot(RunId id, Run run, std::shared_ptr<const RunConfig> config, RunOptions options)
    : m_id(id),
      m_run(std::move(run)),
      m_config(std::move(config)),
      m_options(options),
      m_stepsPerEpoch(m_run.problem().stepsPerEpoch()),
      m_tracesVectors(m_run.problem().tracesVectors()) {}

bool RunSlot::runnable() const {
  return !diverged() && (m_options.stepLimit < 0 || step() < m_options.stepLimit);
}

Eigen::Index RunSlot::traceDim() const { return m_tracesVectors ? m_run.problem().dimension() : 0; }

// ---- changes

void RunSlot::reset() { m_run.reset(); }

bool RunSlot::setOptimizer(const OptimizerConfig& optimizer,
                           std::shared_ptr<const RunConfig> config) {
  // Another optimizer kind has no state to keep: the run starts it afresh.
  const bool restart = optimizer.name != m_run.config().optimizer.name;
  m_run.setOptimizerConfig(optimizer);
  m_config = std::move(config);
  return restart;
}

void RunSlot::setSchedule(const ScheduleConfig& schedule, std::shared_ptr<const RunConfig> config) {
  m_run.setScheduleConfig(schedule);
  m_config = std::move(config);
}

void RunSlot::setStart(const Eigen::VectorXd& start, std::shared_ptr<const RunConfig> config) {
  m_run.setStart(start);
  m_config = std::move(config);
}

void RunSlot::replace(Run run, std::shared_ptr<const RunConfig> config) {
  m_run = std::move(run);
  m_config = std::move(config);
  m_stepsPerEpoch = m_run.problem().stepsPerEpoch();
  m_tracesVectors = m_run.problem().tracesVectors();
}

// ---- recording

void RunSlot::restarted(TraceDelta fresh) {
  ++m_generation;
  m_delta = std::move(fresh);
  m_delta.run = m_id;
  m_delta.generation = m_generation;
  m_delta.restarted = true;
  m_delta.hasEpochs = hasEpochs();
  m_lastEpoch.reset();
  record();
}

void RunSlot::record() {
  if (m_tracesVectors) {
    m_delta.points.append(m_run.step(), m_run.loss(), m_run.params(), m_run.gradient(),
                          m_run.effectiveLr());
  } else {
    m_delta.points.append(m_run.step(), m_run.loss(), noVector(), noVector(), noVector());
  }
  if (m_stepsPerEpoch > 0 && m_run.step() % m_stepsPerEpoch == 0) recordEpoch();
}

void RunSlot::recordEpoch() {
  EpochRecord record =
      m_run.problem().measureEpoch(m_run.step(), m_run.params(), m_run.effectiveLr());
  m_lastEpoch = record;
  std::vector<EpochRecord>& pending = m_delta.epochs;
  if (!m_options.fullResolution && pending.size() >= TraceDelta::kMaxPendingEpochs)
    thinOlderHalf(pending);
  pending.push_back(std::move(record));
}

long long RunSlot::advance(long long ticks) {
  if (!runnable()) return 0;
  if (m_options.stepLimit >= 0) ticks = std::min(ticks, m_options.stepLimit - step());
  long long made = 0;
  // The engine's hot path: one branch per batch of ticks, not per step.
  if (m_tracesVectors && m_stepsPerEpoch == 0) {
    while (made < ticks && !m_run.diverged()) {
      m_run.advance();
      m_delta.points.append(m_run.step(), m_run.loss(), m_run.params(), m_run.gradient(),
                            m_run.effectiveLr());
      ++made;
    }
  } else {
    while (made < ticks && !m_run.diverged()) {
      m_run.advance();
      record();
      ++made;
    }
  }
  m_updates += made;
  return made;
}

// ---- snapshots

void RunSlot::refreshRate(double seconds) {
  m_stepsPerSecond = static_cast<double>(m_updates - m_updatesAtRateMark) / seconds;
  m_updatesAtRateMark = m_updates;
}

void RunSlot::fillSnapshot(RunSnapshot& out, bool idle) const {
  out.id = m_id;
  out.config = m_config;
  out.generation = m_generation;
  out.step = m_run.step();
  out.params = m_run.params();
  out.loss = m_run.loss();
  out.gradient = m_run.gradient();
  out.effectiveLr = m_run.effectiveLr();
  out.effectiveLrTarget = std::string(m_run.optimizer().effectiveLrTarget());
  for (const StateView& view : m_run.optimizer().state())
    out.state.push_back({std::string(view.name), *view.values});
  out.lr = m_run.optimizer().lr();
  out.lastLr = m_run.lastLr();
  out.diverged = m_run.diverged();
  out.divergedAt = out.diverged ? out.step : -1;
  out.stepLimit = m_options.stepLimit;
  out.finished = m_options.stepLimit >= 0 && out.step >= m_options.stepLimit;
  out.stepsPerSecond = idle || !runnable() ? 0.0 : m_stepsPerSecond;
  if (hasEpochs()) out.epochs = EpochProgress{m_run.epoch(), m_stepsPerEpoch, m_lastEpoch};
}

}  // namespace optiscope

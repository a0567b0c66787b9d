#include "core/engine/run_slot.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/nn/layer_rate_bands.h"

namespace optiscope {
namespace {

// What a network run's dimension-0 trace points carry instead of vectors.
const Eigen::VectorXd& noVector() {
  static const Eigen::VectorXd empty;
  return empty;
}

}  // namespace

RunSlot::RunSlot(RunId id, Run run, RunOptions options)
    : m_id(id), m_runner(std::move(run)), m_options(options) {
  refreshConfigs();
}

RunSlot::RunSlot(RunId id, NetworkRun run, std::shared_ptr<const NetworkRunConfig> network,
                 RunOptions options)
    : m_id(id), m_runner(std::move(run)), m_options(options), m_network(std::move(network)) {
  refreshConfigs();
}

long long RunSlot::step() const {
  return std::visit([](const auto& run) { return run.step(); }, m_runner);
}

bool RunSlot::diverged() const {
  return std::visit([](const auto& run) { return run.diverged(); }, m_runner);
}

bool RunSlot::runnable() const {
  return !diverged() && (m_options.stepLimit < 0 || step() < m_options.stepLimit);
}

Eigen::Index RunSlot::traceDim() const {
  const Run* run = std::get_if<Run>(&m_runner);
  return run ? run->objective().dim() : 0;
}

// ---- changes

void RunSlot::refreshConfigs() {
  if (const Run* run = std::get_if<Run>(&m_runner)) {
    m_config = std::make_shared<const RunConfig>(run->config());
    return;
  }
  const NetworkRun& network = std::get<NetworkRun>(m_runner);
  if (!m_network || !(m_network->optimizer == network.optimizerConfig()) ||
      !(m_network->schedule == network.scheduleConfig())) {
    // Only when a command came without the whole configuration (the Engine always sends it).
    NetworkRunConfig changed = m_network ? *m_network : NetworkRunConfig{};
    changed.optimizer = network.optimizerConfig();
    changed.schedule = network.scheduleConfig();
    m_network = std::make_shared<const NetworkRunConfig>(std::move(changed));
  }
  m_config = std::make_shared<const RunConfig>(optimizationOf(*m_network));
}

void RunSlot::reset() {
  std::visit([](auto& run) { run.reset(); }, m_runner);
}

bool RunSlot::setOptimizer(const OptimizerConfig& optimizer,
                           std::shared_ptr<const NetworkRunConfig> network) {
  // Another optimizer kind has no state to keep: the run starts it afresh.
  bool restart = false;
  if (Run* run = std::get_if<Run>(&m_runner)) {
    restart = optimizer.name != run->config().optimizer.name;
    run->setOptimizerConfig(optimizer);
  } else {
    NetworkRun& net = std::get<NetworkRun>(m_runner);
    restart = optimizer.name != net.optimizerConfig().name;
    net.setOptimizerConfig(optimizer);
    if (network) m_network = std::move(network);
  }
  refreshConfigs();
  return restart;
}

void RunSlot::setSchedule(const ScheduleConfig& schedule,
                          std::shared_ptr<const NetworkRunConfig> network) {
  if (Run* run = std::get_if<Run>(&m_runner)) {
    run->setScheduleConfig(schedule);
  } else {
    std::get<NetworkRun>(m_runner).setScheduleConfig(schedule);
    if (network) m_network = std::move(network);
  }
  refreshConfigs();
}

void RunSlot::setStart(const Eigen::VectorXd& start) {
  if (Run* run = std::get_if<Run>(&m_runner)) {
    run->setStart(start);
    refreshConfigs();
  }
}

void RunSlot::replace(Run run) {
  m_runner = std::move(run);
  m_network.reset();
  refreshConfigs();
}

void RunSlot::replace(NetworkRun run, std::shared_ptr<const NetworkRunConfig> network) {
  m_runner = std::move(run);
  m_network = std::move(network);
  refreshConfigs();
}

// ---- recording

void RunSlot::restarted(TraceDelta fresh) {
  ++m_generation;
  m_delta = std::move(fresh);
  m_delta.run = m_id;
  m_delta.generation = m_generation;
  m_delta.restarted = true;
  m_lastEpoch.reset();
  recordCurrent();
}

void RunSlot::recordCurrent() {
  if (const Run* run = std::get_if<Run>(&m_runner)) {
    m_delta.points.append(run->step(), run->loss(), run->params(), run->gradient(),
                          run->effectiveLr());
    return;
  }
  NetworkRun& net = std::get<NetworkRun>(m_runner);
  m_delta.points.append(net.step(), net.loss(), noVector(), noVector(), noVector());
  if (net.step() % net.batchesPerEpoch() == 0) recordEpoch(net);
}

void RunSlot::recordEpoch(NetworkRun& run) {
  EpochRecord record;
  record.epoch = run.epoch();
  record.step = run.step();
  record.metrics = run.evaluate();
  record.layerRates = layerRateBands(run.task().mlp().layers(), run.effectiveLr());
  record.params = run.params();
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
  // One dispatch per batch of ticks: the loops below are the engine's hot path.
  if (Run* run = std::get_if<Run>(&m_runner)) {
    while (made < ticks && !run->diverged()) {
      run->advance();
      m_delta.points.append(run->step(), run->loss(), run->params(), run->gradient(),
                            run->effectiveLr());
      ++made;
    }
  } else {
    NetworkRun& net = std::get<NetworkRun>(m_runner);
    const long long perEpoch = net.batchesPerEpoch();
    while (made < ticks && !net.diverged()) {
      net.advance();
      m_delta.points.append(net.step(), net.loss(), noVector(), noVector(), noVector());
      if (net.step() % perEpoch == 0) recordEpoch(net);
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
  out.network = m_network;
  out.generation = m_generation;
  std::visit(
      [&](const auto& run) {
        out.step = run.step();
        out.params = run.params();
        out.loss = run.loss();
        out.gradient = run.gradient();
        out.effectiveLr = run.effectiveLr();
        out.effectiveLrTarget = std::string(run.optimizer().effectiveLrTarget());
        for (const StateView& view : run.optimizer().state())
          out.state.push_back({std::string(view.name), *view.values});
        out.lr = run.optimizer().lr();
        out.lastLr = run.lastLr();
        out.diverged = run.diverged();
      },
      m_runner);
  out.divergedAt = out.diverged ? out.step : -1;
  out.stepLimit = m_options.stepLimit;
  out.finished = m_options.stepLimit >= 0 && out.step >= m_options.stepLimit;
  out.stepsPerSecond = idle || !runnable() ? 0.0 : m_stepsPerSecond;
  if (const NetworkRun* net = std::get_if<NetworkRun>(&m_runner)) {
    out.epoch = net->epoch();
    out.batchesPerEpoch = net->batchesPerEpoch();
    out.lastEpoch = m_lastEpoch;
  }
}

}  // namespace optiscope

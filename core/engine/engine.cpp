#include "core/engine/engine.h"

#include <algorithm>
#include <cmath>

#include "core/engine/engine_worker.h"
#include "core/util/spec_error.h"

namespace optiscope {

namespace {

void validateStepLimit(long long stepLimit) {
  if (stepLimit < -1)
    throw SpecError("step limit must be >= 0 (or -1 for none), got " + std::to_string(stepLimit));
}

}  // namespace

Engine::Engine(EngineOptions options)
    : m_options(options), m_worker(std::make_unique<EngineWorker>(m_channel, options)) {
  if (!(options.publishRateHz > 0.0))
    throw SpecError("engine: publish rate must be > 0 Hz, got " +
                    formatDouble(options.publishRateHz));
  m_channel.publishSnapshot(std::make_shared<const Snapshot>());
  m_thread = std::thread([this] { m_worker->loop(); });
}

Engine::~Engine() {
  m_channel.requestStop();
  m_thread.join();
}

// ---- runs

RunId Engine::addRun(const RunConfig& config, const RunOptions& options) {
  validateStepLimit(options.stepLimit);
  Run run(config);  // validates; built here so that the worker never allocates for it
  std::lock_guard lock(m_runsMutex);
  const RunId id = m_nextId++;
  m_runs.emplace(id, config);
  m_channel.post(commands::AddRun{id, std::move(run), options});
  return id;
}

RunId Engine::addNetworkRun(const NetworkRunConfig& config, const RunOptions& options) {
  validateStepLimit(options.stepLimit);
  NetworkRun run = buildNetworkRun(config);  // validates; the worker never builds one
  auto shared = std::make_shared<const NetworkRunConfig>(config);
  std::lock_guard lock(m_runsMutex);
  const RunId id = m_nextId++;
  m_networkRuns.emplace(id, config);
  m_channel.post(commands::AddNetworkRun{id, std::move(run), std::move(shared), options});
  return id;
}

bool Engine::removeRun(RunId id) {
  std::lock_guard lock(m_runsMutex);
  if (m_runs.erase(id) == 0 && m_networkRuns.erase(id) == 0) return false;
  m_channel.post(commands::RemoveRun{id});
  return true;
}

bool Engine::reset(RunId id) {
  std::lock_guard lock(m_runsMutex);
  if (!contains(id)) return false;
  m_channel.post(commands::ResetRun{id});
  return true;
}

void Engine::resetAll() { m_channel.post(commands::ResetAll{}); }

bool Engine::setOptimizer(RunId id, const OptimizerConfig& optimizer) {
  std::lock_guard lock(m_runsMutex);
  if (auto network = m_networkRuns.find(id); network != m_networkRuns.end()) {
    NetworkRunConfig changed = network->second;
    changed.optimizer = optimizer;
    buildNetworkRun(changed);  // e.g. a schedule that cannot drive this optimizer
    network->second = changed;
    m_channel.post(commands::SetOptimizer{
        id, optimizer, std::make_shared<const NetworkRunConfig>(std::move(changed))});
    return true;
  }
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return false;
  RunConfig changed = run->second;
  changed.optimizer = optimizer;
  Run probe(changed);  // e.g. a schedule that cannot drive this optimizer
  run->second = std::move(changed);
  m_channel.post(commands::SetOptimizer{id, optimizer});
  return true;
}

bool Engine::setSchedule(RunId id, const ScheduleConfig& schedule) {
  std::lock_guard lock(m_runsMutex);
  if (auto network = m_networkRuns.find(id); network != m_networkRuns.end()) {
    NetworkRunConfig changed = network->second;
    changed.schedule = schedule;
    buildNetworkRun(changed);
    network->second = changed;
    m_channel.post(commands::SetSchedule{
        id, schedule, std::make_shared<const NetworkRunConfig>(std::move(changed))});
    return true;
  }
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return false;
  RunConfig changed = run->second;
  changed.schedule = schedule;
  Run probe(changed);
  run->second = std::move(changed);
  m_channel.post(commands::SetSchedule{id, schedule});
  return true;
}

bool Engine::setStart(RunId id, const Eigen::VectorXd& start) {
  std::lock_guard lock(m_runsMutex);
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return false;
  RunConfig changed = run->second;
  changed.start = start;
  Run probe(changed);  // dimension and finiteness
  run->second = std::move(changed);
  m_channel.post(commands::SetStart{id, start});
  return true;
}

bool Engine::setStepLimit(RunId id, long long stepLimit) {
  validateStepLimit(stepLimit);
  std::lock_guard lock(m_runsMutex);
  if (!contains(id)) return false;
  m_channel.post(commands::SetStepLimit{id, stepLimit});
  return true;
}

void Engine::setObjective(const ObjectiveConfig& objective, std::optional<Eigen::VectorXd> start) {
  std::lock_guard lock(m_runsMutex);
  commands::ReplaceRuns replace;
  std::map<RunId, RunConfig> changed = m_runs;
  for (auto& [id, config] : changed) {
    config.objective = objective;
    config.start = start;
    replace.runs.emplace_back(id, Run(config));  // all built before anything changes
  }
  m_runs = std::move(changed);
  m_channel.post(std::move(replace));
}

void Engine::setNetworkTask(std::shared_ptr<const DataSplit> data,
                            const NetworkSettings& settings) {
  const NetworkTask task(data, settings);  // validated even when there is no network run yet
  std::lock_guard lock(m_runsMutex);
  commands::ReplaceNetworkRuns replace;
  std::map<RunId, NetworkRunConfig> changed = m_networkRuns;
  for (auto& [id, config] : changed) {
    config.data = data;
    config.settings = settings;
    config.start = std::nullopt;
    // All built before anything changes: a failure leaves every run as it was.
    replace.runs.push_back({id, NetworkRun(task, config.optimizer, config.schedule),
                            std::make_shared<const NetworkRunConfig>(config)});
  }
  m_networkRuns = std::move(changed);
  m_channel.post(std::move(replace));
}

std::vector<RunId> Engine::runIds() const {
  std::lock_guard lock(m_runsMutex);
  std::vector<RunId> ids;
  for (const auto& entry : m_runs) ids.push_back(entry.first);
  for (const auto& entry : m_networkRuns) ids.push_back(entry.first);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<RunConfig> Engine::runConfig(RunId id) const {
  std::lock_guard lock(m_runsMutex);
  if (auto network = m_networkRuns.find(id); network != m_networkRuns.end())
    return optimizationOf(network->second);
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return std::nullopt;
  return run->second;
}

std::optional<NetworkRunConfig> Engine::networkRunConfig(RunId id) const {
  std::lock_guard lock(m_runsMutex);
  auto network = m_networkRuns.find(id);
  if (network == m_networkRuns.end()) return std::nullopt;
  return network->second;
}

bool Engine::contains(RunId id) const { return m_runs.contains(id) || m_networkRuns.contains(id); }

// ---- playback

void Engine::play() { m_channel.post(commands::Play{}); }

void Engine::pause() { m_channel.post(commands::Pause{}); }

void Engine::step(long long count) {
  if (count < 0) throw SpecError("step count must be >= 0, got " + std::to_string(count));
  m_channel.post(commands::Step{count});
}

void Engine::setSpeed(double stepsPerSecond) {
  if (std::isnan(stepsPerSecond) || stepsPerSecond < 1.0)
    throw SpecError("speed must be >= 1 step/s (or unlimited), got " +
                    formatDouble(stepsPerSecond));
  m_channel.post(commands::SetSpeed{stepsPerSecond});
}

// ---- results

std::shared_ptr<const Snapshot> Engine::snapshot() const { return m_channel.latestSnapshot(); }

std::vector<TraceDelta> Engine::takeTraceDeltas(std::vector<TraceDelta> recycled) {
  return m_channel.takeDeltas(std::move(recycled));
}

bool Engine::waitUntilIdle(std::chrono::milliseconds timeout) {
  const std::uint64_t posted = m_channel.postedCount();
  return m_channel.waitForSnapshot(
      [posted](const Snapshot& s) { return s.idle && s.appliedCommands >= posted; }, timeout);
}

}  // namespace optiscope

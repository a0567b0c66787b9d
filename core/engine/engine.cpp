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
  auto shared = std::make_shared<const RunConfig>(config);
  std::lock_guard lock(m_runsMutex);
  const RunId id = m_nextId++;
  m_runs.emplace(id, config);
  m_channel.post(commands::AddRun{id, std::move(run), std::move(shared), options});
  return id;
}

bool Engine::removeRun(RunId id) {
  std::lock_guard lock(m_runsMutex);
  if (m_runs.erase(id) == 0) return false;
  m_channel.post(commands::RemoveRun{id});
  return true;
}

bool Engine::reset(RunId id) {
  std::lock_guard lock(m_runsMutex);
  if (!m_runs.contains(id)) return false;
  m_channel.post(commands::ResetRun{id});
  return true;
}

void Engine::resetAll() { m_channel.post(commands::ResetAll{}); }

template <class Change, class MakeCommand>
bool Engine::change(RunId id, Change&& change, MakeCommand&& makeCommand) {
  std::lock_guard lock(m_runsMutex);
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return false;
  RunConfig changed = run->second;
  change(changed);
  Run probe(changed);  // e.g. a schedule that cannot drive this optimizer, a wrong start
  run->second = changed;
  m_channel.post(makeCommand(std::make_shared<const RunConfig>(std::move(changed))));
  return true;
}

bool Engine::setOptimizer(RunId id, const OptimizerConfig& optimizer) {
  return change(
      id, [&](RunConfig& config) { config.optimizer = optimizer; },
      [&](commands::SharedConfig config) {
        return commands::SetOptimizer{id, optimizer, std::move(config)};
      });
}

bool Engine::setSchedule(RunId id, const ScheduleConfig& schedule) {
  return change(
      id, [&](RunConfig& config) { config.schedule = schedule; },
      [&](commands::SharedConfig config) {
        return commands::SetSchedule{id, schedule, std::move(config)};
      });
}

bool Engine::setStart(RunId id, const Eigen::VectorXd& start) {
  return change(
      id, [&](RunConfig& config) { config.start = start; },
      [&](commands::SharedConfig config) {
        return commands::SetStart{id, start, std::move(config)};
      });
}

bool Engine::setStepLimit(RunId id, long long stepLimit) {
  validateStepLimit(stepLimit);
  std::lock_guard lock(m_runsMutex);
  if (!m_runs.contains(id)) return false;
  m_channel.post(commands::SetStepLimit{id, stepLimit});
  return true;
}

void Engine::restartRuns(const std::vector<std::pair<RunId, RunConfig>>& configs) {
  std::lock_guard lock(m_runsMutex);
  commands::RestartRuns restart;
  // All built before anything changes: a failure leaves every run as it was. A run another
  // thread removed meanwhile is skipped, as the other functions taking a RunId do.
  for (const auto& [id, config] : configs) {
    if (!m_runs.contains(id)) continue;
    restart.runs.push_back({id, Run(config), std::make_shared<const RunConfig>(config)});
  }
  for (const commands::RestartRuns::Restart& entry : restart.runs)
    m_runs.insert_or_assign(entry.id, *entry.config);
  m_channel.post(std::move(restart));
}

std::vector<RunId> Engine::runIds() const {
  std::lock_guard lock(m_runsMutex);
  std::vector<RunId> ids;
  for (const auto& entry : m_runs) ids.push_back(entry.first);
  return ids;
}

std::optional<RunConfig> Engine::runConfig(RunId id) const {
  std::lock_guard lock(m_runsMutex);
  auto run = m_runs.find(id);
  if (run == m_runs.end()) return std::nullopt;
  return run->second;
}

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

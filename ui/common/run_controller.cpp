#include "ui/common/run_controller.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include "core/util/spec_error.h"
#include "ui/common/run_palette.h"

namespace optiscope::ui {

namespace {

// What the engine hands the GUI per poll. At unlimited speed a run makes some 10^4 steps
// between two polls, and every point handed over is copied into the traces, gathered into a
// path and folded into two plots on the GUI thread, which draws none of them apart from its
// neighbours at that speed. The newest 512 steps (and the run's first 4096) whole, older
// ones of the same poll thinned, keeps that work to a sixth of the engine's default; slower
// runs (under ~60·512 steps/s) hand over every step, as before.
EngineOptions guiEngineOptions() {
  EngineOptions options;
  options.deltaLimits = TraceLimits{512, 128, 4096};
  return options;
}

}  // namespace

RunController::RunController(QObject* parent)
    : QObject(parent),
      m_engine(std::make_unique<Engine>(guiEngineOptions())),
      m_speed(std::numeric_limits<double>::infinity()) {
  m_timer.setInterval(16);  // ~60 Hz: the engine publishes at most this often
  connect(&m_timer, &QTimer::timeout, this, &RunController::poll);
  m_timer.start();
}

RunController::~RunController() {
  m_timer.stop();
  m_engine.reset();  // stops and joins the worker before anything it could touch goes away
}

// ---- runs

RunId RunController::addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule,
                            std::optional<RunStyle> style) {
  if (!style) style = RunStyle{QString::fromStdString(optimizer.name), runColor(m_colorsUsed)};
  return addRunConfig(newRunConfig(optimizer, schedule), std::move(style));
}

RunId RunController::addRunConfig(const RunConfig& config, std::optional<RunStyle> style) {
  const RunId id = m_engine->addRun(config);
  m_order.push_back(id);
  m_styles[id] =
      style ? *style
            : RunStyle{QString::fromStdString(config.optimizer.name), runColor(m_colorsUsed)};
  ++m_colorsUsed;
  emit runsChanged();
  if (m_selected == 0) selectRun(id);
  return id;
}

RunId RunController::duplicateRun(RunId id) {
  const RunConfig config = runConfig(id);
  RunStyle copy = style(id);
  copy.label += QStringLiteral(" (copy)");
  copy.color = runColor(m_colorsUsed);
  return addRunConfig(config, copy);
}

void RunController::removeRun(RunId id) {
  const auto found = std::find(m_order.begin(), m_order.end(), id);
  if (found == m_order.end()) return;
  const auto position = static_cast<std::size_t>(found - m_order.begin());
  m_engine->removeRun(id);
  forgetRun(id);
  emit runsChanged();
  if (m_selected != id) return;
  // The run below takes the selection (the one above at the end of the list).
  m_selected = m_order.empty() ? 0 : m_order[std::min(position, m_order.size() - 1)];
  emit selectedRunChanged(m_selected);
}

void RunController::forgetRun(RunId id) {
  m_order.erase(std::remove(m_order.begin(), m_order.end(), id), m_order.end());
  m_styles.erase(id);
}

void RunController::clearRuns() {
  for (RunId id : std::vector<RunId>(m_order)) removeRun(id);
  m_colorsUsed = 0;
}

void RunController::setOptimizer(RunId id, const OptimizerConfig& optimizer) {
  if (!m_engine->setOptimizer(id, optimizer)) throw SpecError("no such run");
  emit runsChanged();
}

void RunController::setSchedule(RunId id, const ScheduleConfig& schedule) {
  if (!m_engine->setSchedule(id, schedule)) throw SpecError("no such run");
  emit runsChanged();
}

void RunController::setStyle(RunId id, const RunStyle& style) {
  m_styles[id] = style;
  emit runsChanged();
}

void RunController::restartRuns(const std::vector<std::pair<RunId, RunConfig>>& configs) {
  m_engine->restartRuns(configs);
  emit runsChanged();
}

RunConfig RunController::runConfig(RunId id) const {
  auto config = m_engine->runConfig(id);
  if (!config) throw SpecError("no such run");
  return *config;
}

const RunStyle& RunController::style(RunId id) const {
  static const RunStyle none;
  auto it = m_styles.find(id);
  return it == m_styles.end() ? none : it->second;
}

void RunController::selectRun(RunId id) {
  if (id == m_selected) return;
  if (id != 0 && std::find(m_order.begin(), m_order.end(), id) == m_order.end()) return;
  m_selected = id;
  emit selectedRunChanged(id);
}

// ---- playback

void RunController::play() {
  m_engine->play();
  if (!m_playing) emit playingChanged(m_playing = true);
}

void RunController::pause() {
  m_engine->pause();
  if (m_playing) emit playingChanged(m_playing = false);
}

void RunController::togglePlay() { m_playing ? pause() : play(); }

void RunController::step(long long count) {
  m_engine->step(count);
  if (m_playing) emit playingChanged(m_playing = false);
}

void RunController::stepOnce() { step(1); }

void RunController::resetAll() { m_engine->resetAll(); }

void RunController::setSpeed(double stepsPerSecond) {
  m_engine->setSpeed(stepsPerSecond);
  if (m_speed == stepsPerSecond) return;
  m_speed = stepsPerSecond;
  emit speedChanged(stepsPerSecond);
}

// ---- results

const RunSnapshot* RunController::runSnapshot(RunId id) const {
  return m_snapshot ? m_snapshot->find(id) : nullptr;
}

void RunController::pollNow() { poll(); }

bool RunController::waitUntilIdle(int timeoutMs) {
  const bool idle = m_engine->waitUntilIdle(std::chrono::milliseconds(timeoutMs));
  poll();
  return idle;
}

void RunController::poll() {
  auto snapshot = m_engine->snapshot();
  auto deltas = m_engine->takeTraceDeltas();
  if (snapshot == m_snapshot && deltas.empty()) return;
  m_traces.absorb(deltas);
  if (snapshot) m_traces.retainRunsOf(*snapshot);
  m_snapshot = std::move(snapshot);
  emit updated();
}

}  // namespace optiscope::ui

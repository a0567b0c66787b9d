#include "ui/controllers/engine_controller.h"

#include <chrono>
#include <limits>

#include "core/util/spec_error.h"
#include "ui/controllers/default_scene.h"
#include "ui/controllers/run_palette.h"

namespace optiscope::ui {

EngineController::EngineController(QObject* parent)
    : QObject(parent),
      m_engine(std::make_unique<Engine>()),
      m_speed(std::numeric_limits<double>::infinity()) {
  m_objective = parseObjectiveSpec(defaultFunctionSpec().toStdString());
  m_start = makeObjective(m_objective)->defaultStart();
  m_timer.setInterval(16);  // ~60 Hz: the engine publishes at most this often
  connect(&m_timer, &QTimer::timeout, this, &EngineController::poll);
  m_timer.start();
}

EngineController::~EngineController() {
  m_timer.stop();
  m_engine.reset();  // stops and joins the worker before anything it could touch goes away
}

void EngineController::setObjective(const ObjectiveConfig& objective,
                                    std::optional<Eigen::VectorXd> start) {
  const Eigen::VectorXd newStart = start ? *start : makeObjective(objective)->defaultStart();
  m_engine->setObjective(objective, newStart);
  m_objective = objective;
  m_start = newStart;
  emit sceneChanged();
}

void EngineController::setStart(const Eigen::VectorXd& start) {
  if (start.size() != m_start.size())
    throw SpecError("start must have " + std::to_string(m_start.size()) + " coordinates");
  for (double x : start)
    if (!std::isfinite(x)) throw SpecError("start coordinates must be finite numbers");
  for (RunId id : m_order) m_engine->setStart(id, start);
  m_start = start;
  emit sceneChanged();
}

void EngineController::clearRuns() {
  for (RunId id : std::vector<RunId>(m_order)) removeRun(id);
  m_colorsUsed = 0;
}

void EngineController::loadDefaultScene() {
  clearRuns();
  setObjective(parseObjectiveSpec(defaultFunctionSpec().toStdString()));
  for (const SceneRun& run : defaultSceneRuns())
    addRun(parseOptimizerSpec(run.optimizerSpec.toStdString()), {}, 0.0, 0,
           RunStyle{run.label, runColor(m_colorsUsed), true});
}

RunId EngineController::addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule,
                               double noiseSigma, std::uint64_t noiseSeed,
                               std::optional<RunStyle> style) {
  RunConfig config{m_objective, optimizer, schedule, m_start, noiseSigma, noiseSeed};
  const RunId id = m_engine->addRun(config);
  m_order.push_back(id);
  RunStyle chosen =
      style ? *style
            : RunStyle{QString::fromStdString(optimizer.name), runColor(m_colorsUsed), true};
  ++m_colorsUsed;
  m_styles[id] = chosen;
  emit runsChanged();
  return id;
}

RunId EngineController::duplicateRun(RunId id) {
  const RunConfig config = runConfig(id);
  RunStyle copy = style(id);
  copy.label += QStringLiteral(" (copy)");
  copy.color = runColor(m_colorsUsed);
  return addRun(config.optimizer, config.schedule, config.noiseSigma, config.noiseSeed, copy);
}

void EngineController::removeRun(RunId id) {
  m_engine->removeRun(id);
  forgetRun(id);
  emit runsChanged();
}

void EngineController::forgetRun(RunId id) {
  m_order.erase(std::remove(m_order.begin(), m_order.end(), id), m_order.end());
  m_styles.erase(id);
}

void EngineController::setOptimizer(RunId id, const OptimizerConfig& optimizer) {
  m_engine->setOptimizer(id, optimizer);
  emit runsChanged();
}

void EngineController::setSchedule(RunId id, const ScheduleConfig& schedule) {
  m_engine->setSchedule(id, schedule);
  emit runsChanged();
}

RunId EngineController::setNoise(RunId id, double sigma, std::uint64_t seed) {
  if (!std::isfinite(sigma) || sigma < 0.0) throw SpecError("noise σ must be a finite number >= 0");
  RunConfig config = runConfig(id);
  if (config.noiseSigma == sigma && config.noiseSeed == seed) return id;
  // Replace the run in place: same style and position, new noise, fresh start.
  const RunStyle kept = style(id);
  const auto position = std::find(m_order.begin(), m_order.end(), id) - m_order.begin();
  config.noiseSigma = sigma;
  config.noiseSeed = seed;
  const RunId fresh = m_engine->addRun(config);
  m_engine->removeRun(id);
  forgetRun(id);
  m_order.insert(m_order.begin() + position, fresh);
  m_styles[fresh] = kept;
  emit runReplaced(id, fresh);
  emit runsChanged();
  return fresh;
}

void EngineController::setStyle(RunId id, const RunStyle& style) {
  m_styles[id] = style;
  emit runsChanged();
}

RunConfig EngineController::runConfig(RunId id) const {
  auto config = m_engine->runConfig(id);
  if (!config) throw SpecError("no such run");
  return *config;
}

const RunStyle& EngineController::style(RunId id) const {
  static const RunStyle none;
  auto it = m_styles.find(id);
  return it == m_styles.end() ? none : it->second;
}

void EngineController::play() {
  m_engine->play();
  if (!m_playing) emit playingChanged(m_playing = true);
}

void EngineController::pause() {
  m_engine->pause();
  if (m_playing) emit playingChanged(m_playing = false);
}

void EngineController::togglePlay() { m_playing ? pause() : play(); }

void EngineController::step(long long count) {
  m_engine->step(count);
  if (m_playing) emit playingChanged(m_playing = false);
}

void EngineController::resetAll() { m_engine->resetAll(); }

void EngineController::setSpeed(double stepsPerSecond) {
  m_engine->setSpeed(stepsPerSecond);
  m_speed = stepsPerSecond;
}

void EngineController::pollNow() { poll(); }

bool EngineController::waitUntilIdle(int timeoutMs) {
  const bool idle = m_engine->waitUntilIdle(std::chrono::milliseconds(timeoutMs));
  poll();
  return idle;
}

void EngineController::poll() {
  auto snapshot = m_engine->snapshot();
  auto deltas = m_engine->takeTraceDeltas();
  if (snapshot == m_snapshot && deltas.empty()) return;
  m_traces.absorb(std::move(deltas));
  if (snapshot) m_traces.retainRunsOf(*snapshot);
  m_snapshot = std::move(snapshot);
  emit updated();
}

}  // namespace optiscope::ui

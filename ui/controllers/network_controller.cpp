#include "ui/controllers/network_controller.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>

#include "core/nn/csv_dataset.h"
#include "core/util/spec_error.h"
#include "ui/controllers/network_scene.h"
#include "ui/controllers/run_palette.h"

namespace optiscope::ui {
namespace {

// A first look trains at a pace the eye can follow: on circle (250 training points, batch
// 10) this is about ten epochs a second per run.
constexpr double kDefaultSpeed = 250.0;

Dataset loadDataset(const DatasetChoice& choice) {
  if (!choice.isImported())
    return generateDataset(choice.name.toStdString(),
                           DatasetOptions{choice.points, choice.noise, choice.seed});
  const std::string path = choice.csvPath.toStdString();
  // Integer labels make a classification set; anything else is read as regression. The
  // classification reading's error is the one to show when both fail (most files are classes).
  try {
    return readCsvDataset(path, TaskKind::Classification);
  } catch (const SpecError& classification) {
    try {
      return readCsvDataset(path, TaskKind::Regression);
    } catch (const SpecError&) {
      throw classification;
    }
  }
}

}  // namespace

NetworkController::NetworkController(QObject* parent)
    : QObject(parent), m_engine(std::make_unique<Engine>()), m_speed(kDefaultSpeed) {
  m_engine->setSpeed(m_speed);
  auto data = std::make_shared<const DataSplit>(
      splitDataset(loadDataset(m_choice), m_choice.trainRatio, m_choice.seed));
  m_task = std::make_shared<const NetworkTask>(data, m_settings);
  m_data = std::move(data);
  m_timer.setInterval(16);  // ~60 Hz: the engine publishes at most this often
  connect(&m_timer, &QTimer::timeout, this, &NetworkController::poll);
  m_timer.start();
}

NetworkController::~NetworkController() {
  m_timer.stop();
  m_engine.reset();  // stops and joins the worker before anything it could touch goes away
}

void NetworkController::setDataset(const DatasetChoice& choice) {
  auto data = std::make_shared<const DataSplit>(
      splitDataset(loadDataset(choice), choice.trainRatio, choice.seed));
  NetworkSettings settings = m_settings;
  // A loss picked for the old data may not fit the new one (bce on three classes, mse on
  // classes): fall back to auto rather than refuse the data the user asked for.
  try {
    resolveLoss(settings.loss, data->train);
  } catch (const SpecError&) {
    settings.loss.reset();
  }
  applyTask(std::move(data), settings);
  m_choice = choice;
  emit taskChanged();
}

void NetworkController::regenerate() {
  DatasetChoice choice = m_choice;
  choice.seed = m_choice.seed + 1;
  setDataset(choice);
}

void NetworkController::importCsv(const QString& path) {
  DatasetChoice choice = m_choice;
  choice.csvPath = path;
  setDataset(choice);
}

void NetworkController::setSettings(const NetworkSettings& settings) {
  applyTask(m_data, settings);
  emit taskChanged();
}

void NetworkController::applyTask(std::shared_ptr<const DataSplit> data,
                                  const NetworkSettings& settings) {
  auto task = std::make_shared<const NetworkTask>(data, settings);  // validates: SpecError
  m_engine->setNetworkTask(data, settings);
  m_data = std::move(data);
  m_settings = settings;
  m_task = std::move(task);
}

void NetworkController::clearRuns() {
  for (RunId id : std::vector<RunId>(m_order)) removeRun(id);
  m_colorsUsed = 0;
}

void NetworkController::loadDefaultScene() {
  clearRuns();
  setDataset(DatasetChoice{});
  setSettings(NetworkSettings{});
  for (const NetworkSceneRun& run : defaultNetworkSceneRuns())
    addRun(parseOptimizerSpec(run.optimizerSpec.toStdString()), {},
           RunStyle{run.label, runColor(m_colorsUsed), true});
  if (!m_order.empty()) selectRun(m_order.front());
}

RunId NetworkController::addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule,
                                std::optional<RunStyle> style) {
  const RunId id = m_engine->addNetworkRun(
      NetworkRunConfig{m_data, m_settings, optimizer, schedule, std::nullopt});
  m_order.push_back(id);
  m_styles[id] =
      style ? *style
            : RunStyle{QString::fromStdString(optimizer.name), runColor(m_colorsUsed), true};
  ++m_colorsUsed;
  emit runsChanged();
  if (m_selected == 0) selectRun(id);
  return id;
}

RunId NetworkController::duplicateRun(RunId id) {
  const NetworkRunConfig config = runConfig(id);
  RunStyle copy = style(id);
  copy.label += QStringLiteral(" (copy)");
  copy.color = runColor(m_colorsUsed);
  return addRun(config.optimizer, config.schedule, copy);
}

void NetworkController::removeRun(RunId id) {
  m_engine->removeRun(id);
  forgetRun(id);
  emit runsChanged();
  keepSelectionValid();
}

void NetworkController::forgetRun(RunId id) {
  m_order.erase(std::remove(m_order.begin(), m_order.end(), id), m_order.end());
  m_styles.erase(id);
}

void NetworkController::keepSelectionValid() {
  if (std::find(m_order.begin(), m_order.end(), m_selected) != m_order.end()) return;
  m_selected = m_order.empty() ? 0 : m_order.front();
  emit selectedRunChanged(m_selected);
}

void NetworkController::setOptimizer(RunId id, const OptimizerConfig& optimizer) {
  if (!m_engine->setOptimizer(id, optimizer)) throw SpecError("no such run");
  emit runsChanged();
}

void NetworkController::setSchedule(RunId id, const ScheduleConfig& schedule) {
  if (!m_engine->setSchedule(id, schedule)) throw SpecError("no such run");
  emit runsChanged();
}

void NetworkController::setStyle(RunId id, const RunStyle& style) {
  m_styles[id] = style;
  emit runsChanged();
}

NetworkRunConfig NetworkController::runConfig(RunId id) const {
  auto config = m_engine->networkRunConfig(id);
  if (!config) throw SpecError("no such run");
  return *config;
}

const RunStyle& NetworkController::style(RunId id) const {
  static const RunStyle none;
  auto it = m_styles.find(id);
  return it == m_styles.end() ? none : it->second;
}

void NetworkController::selectRun(RunId id) {
  if (id == m_selected) return;
  if (id != 0 && std::find(m_order.begin(), m_order.end(), id) == m_order.end()) return;
  m_selected = id;
  emit selectedRunChanged(id);
}

void NetworkController::play() {
  m_engine->play();
  if (!m_playing) emit playingChanged(m_playing = true);
}

void NetworkController::pause() {
  m_engine->pause();
  if (m_playing) emit playingChanged(m_playing = false);
}

void NetworkController::togglePlay() { m_playing ? pause() : play(); }

void NetworkController::step(long long minibatches) {
  m_engine->step(minibatches);
  if (m_playing) emit playingChanged(m_playing = false);
}

long long NetworkController::batchesPerEpoch() const { return m_task->batches().batchesPerEpoch(); }

void NetworkController::stepEpoch() {
  // The count depends on where the runs are now, not at the last poll: pause and let the
  // engine settle first (it finishes the steps already asked for within milliseconds).
  pause();
  m_engine->waitUntilIdle(std::chrono::milliseconds(500));
  poll();
  // Runs of one task share the epoch length; one added or reset later may sit elsewhere in
  // its epoch, so the selected run sets the pace.
  const long long perEpoch = batchesPerEpoch();
  long long count = perEpoch;
  if (const RunSnapshot* run = runSnapshot(m_selected); run && onCurrentTask(*run))
    count = perEpoch - run->step % perEpoch;
  step(count);
}

void NetworkController::resetAll() { m_engine->resetAll(); }

void NetworkController::setSpeed(double stepsPerSecond) {
  m_engine->setSpeed(stepsPerSecond);
  m_speed = stepsPerSecond;
}

const RunSnapshot* NetworkController::runSnapshot(RunId id) const {
  return m_snapshot ? m_snapshot->find(id) : nullptr;
}

bool NetworkController::onCurrentTask(const RunSnapshot& run) const {
  return run.network && run.network->data == m_data && run.network->settings == m_settings;
}

Eigen::VectorXd NetworkController::currentParams(RunId id) const {
  const RunSnapshot* run = runSnapshot(id);
  return run && onCurrentTask(*run) ? run->params : m_task->initialParameters();
}

void NetworkController::pollNow() { poll(); }

bool NetworkController::waitUntilIdle(int timeoutMs) {
  const bool idle = m_engine->waitUntilIdle(std::chrono::milliseconds(timeoutMs));
  poll();
  return idle;
}

void NetworkController::poll() {
  auto snapshot = m_engine->snapshot();
  auto deltas = m_engine->takeTraceDeltas();
  if (snapshot == m_snapshot && deltas.empty()) return;
  m_traces.absorb(deltas);
  if (snapshot) m_traces.retainRunsOf(*snapshot);
  m_snapshot = std::move(snapshot);
  emit updated();
}

}  // namespace optiscope::ui

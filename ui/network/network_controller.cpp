#include "ui/network/network_controller.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <chrono>
#include <limits>

#include "core/engine/problem_changes.h"
#include "core/experiment/default_scenes.h"
#include "core/experiment/network_data.h"
#include "core/nn/csv_dataset.h"
#include "core/util/spec_error.h"
#include "ui/network/network_scene.h"

namespace optiscope::ui {
namespace {

// The choice as an experiment's network scene holds it: the one place that builds network data
// (core/experiment/network_data.h), shared with files and `optiscope-cli train`.
NetworkScene sceneOf(const DatasetChoice& choice, const NetworkSettings& settings) {
  NetworkScene scene;
  if (choice.isImported())
    scene.data = CsvData{choice.csvText};
  else
    scene.data = GeneratedData{choice.name.toStdString(), choice.points, choice.noise};
  scene.trainRatio = choice.trainRatio;
  scene.dataSeed = choice.seed;
  scene.settings = settings;
  return scene;
}

std::shared_ptr<const DataSplit> buildData(const DatasetChoice& choice,
                                           const NetworkSettings& settings) {
  const std::string source = choice.csvName.isEmpty() ? "csv" : choice.csvName.toStdString();
  return buildNetworkData(sceneOf(choice, settings), source);
}

}  // namespace

NetworkController::NetworkController(QObject* parent) : RunController(parent) {
  // A first look trains at a pace the eye can follow (Playback's default network speed: on
  // circle, about ten epochs a second per run).
  setSpeed(Playback{}.networkSpeed);
  applyTask(buildData(m_choice, m_settings), m_settings);
}

namespace {

// A loss picked for the old data may not fit the new one (bce on three classes, mse on
// classes): it falls back to auto rather than refuse the data the user asked for.
NetworkSettings fittingLoss(NetworkSettings settings, const DataSplit& data) {
  try {
    resolveLoss(settings.loss, data.train);
  } catch (const SpecError&) {
    settings.loss.reset();
  }
  return settings;
}

}  // namespace

void NetworkController::setDataset(const DatasetChoice& choice) {
  auto data = buildData(choice, m_settings);
  const NetworkSettings settings = fittingLoss(m_settings, *data);
  applyTask(std::move(data), settings);
  m_choice = choice;
  emit problemChanged();
}

void NetworkController::regenerate() {
  DatasetChoice choice = m_choice;
  choice.seed = m_choice.seed + 1;
  setDataset(choice);
}

void NetworkController::importCsv(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw SpecError(path.toStdString() + ": cannot read it (" + file.errorString().toStdString() +
                    ")");
  DatasetChoice choice = m_choice;
  choice.csvText = file.readAll().toStdString();
  choice.csvName = QFileInfo(path).fileName();
  if (choice.csvText.empty()) throw SpecError(choice.csvName.toStdString() + " is empty");
  // Integer labels make a classification set; anything else is read as values, with squared
  // error (which is how a saved scene reads them back). The classification reading's error is
  // the one to show when both fail: most files are classes.
  NetworkSettings settings = m_settings;
  if (settings.loss == Loss::SquaredError) settings.loss.reset();
  std::shared_ptr<const DataSplit> data;
  try {
    data = buildData(choice, settings);
  } catch (const SpecError& classification) {
    settings.loss = Loss::SquaredError;
    try {
      data = buildData(choice, settings);
    } catch (const SpecError&) {
      throw classification;
    }
  }
  settings = fittingLoss(settings, *data);
  applyTask(std::move(data), settings);
  m_choice = choice;
  emit problemChanged();
}

void NetworkController::setTask(const DatasetChoice& choice, const NetworkSettings& settings) {
  applyTask(buildData(choice, settings), settings);
  m_choice = choice;
  emit problemChanged();
}

void NetworkController::setSettings(const NetworkSettings& settings) {
  applyTask(m_data, settings);
  emit problemChanged();
}

void NetworkController::applyTask(std::shared_ptr<const DataSplit> data,
                                  const NetworkSettings& settings) {
  auto problem = std::make_shared<const NetworkProblem>(data, settings);  // validates: SpecError
  restartOnNetworkTask(engine(), problem);
  m_data = std::move(data);
  m_settings = settings;
  m_problem = problem;
  // The task views read is the problem's own (its runs clone it; it is never stepped).
  m_task = std::shared_ptr<const NetworkTask>(problem, &problem->task());
}

void NetworkController::loadDefaultScene() { applyNetworkRuns(*this, defaultNetworkScene()); }

RunConfig NetworkController::newRunConfig(const OptimizerConfig& optimizer,
                                          const ScheduleConfig& schedule) const {
  return {m_problem, optimizer, schedule, std::nullopt};
}

long long NetworkController::stepsPerEpoch() const { return m_task->batches().batchesPerEpoch(); }

void NetworkController::stepOnce() {
  // The count depends on where the runs are now, not at the last poll: pause and let the
  // engine settle first (it finishes the steps already asked for within milliseconds).
  pause();
  engine().waitUntilIdle(std::chrono::milliseconds(500));
  pollNow();
  // Runs of one task share the epoch length; one added or reset later may sit elsewhere in
  // its epoch, so the selected run sets the pace.
  const long long perEpoch = stepsPerEpoch();
  long long count = perEpoch;
  if (const RunSnapshot* run = runSnapshot(selectedRun()); run && onCurrentTask(*run))
    count = perEpoch - run->step % perEpoch;
  step(count);
}

bool NetworkController::onCurrentTask(const RunSnapshot& run) const {
  // Runs restarted on the current task share its problem.
  return run.config && run.config->problem == m_problem;
}

Eigen::VectorXd NetworkController::currentParams(RunId id) const {
  const RunSnapshot* run = runSnapshot(id);
  return run && onCurrentTask(*run) ? run->params : m_task->initialParameters();
}

}  // namespace optiscope::ui

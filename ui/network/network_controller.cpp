#include "ui/network/network_controller.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>

#include "core/engine/problem_changes.h"
#include "core/nn/csv_dataset.h"
#include "core/util/spec_error.h"
#include "ui/common/run_palette.h"
#include "ui/network/network_scene.h"

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

NetworkController::NetworkController(QObject* parent) : RunController(parent) {
  setSpeed(kDefaultSpeed);
  applyTask(std::make_shared<const DataSplit>(
                splitDataset(loadDataset(m_choice), m_choice.trainRatio, m_choice.seed)),
            m_settings);
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
  emit problemChanged();
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

void NetworkController::loadDefaultScene() {
  clearRuns();
  setDataset(DatasetChoice{});
  setSettings(NetworkSettings{});
  for (const NetworkSceneRun& run : defaultNetworkSceneRuns())
    addRun(parseOptimizerSpec(run.optimizerSpec.toStdString()), {},
           RunStyle{run.label, runColor(colorsUsed()), true});
  if (!runIds().empty()) selectRun(runIds().front());
}

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

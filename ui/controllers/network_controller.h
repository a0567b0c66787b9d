#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/engine/engine.h"
#include "core/engine/epoch_record.h"
#include "core/engine/network_run_config.h"
#include "core/engine/run_traces.h"
#include "core/nn/dataset.h"
#include "core/nn/network_task.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "ui/controllers/engine_controller.h"  // RunStyle

namespace optiscope::ui {

// Where the Network page's data comes from: a generated dataset of the catalog, or an
// imported CSV file (then name, points and noise are ignored; trainRatio and seed still split).
struct DatasetChoice {
  QString name = QStringLiteral("circle");
  int points = 500;
  double noise = 0.0;
  double trainRatio = 0.5;
  std::uint64_t seed = 0;  // the points and the train/test split
  QString csvPath;         // non-empty: imported from this file

  bool isImported() const { return !csvPath.isEmpty(); }
  bool operator==(const DatasetChoice&) const = default;
};

// The Network page's single door to ITS OWN engine (a separate Engine instance from the
// landscape's, so the two pages play independently). Every run trains the same task (data +
// NetworkSettings) from the task's seeded initial network with its own optimizer and schedule.
// Setters validate first and throw SpecError on bad input, leaving everything as it was. A
// timer polls snapshots and trace deltas at 60 Hz into a RunTraces (which keeps an EpochHistory
// per run); the training runs on the engine's thread, never on the GUI thread.
class NetworkController : public QObject {
  Q_OBJECT
 public:
  explicit NetworkController(QObject* parent = nullptr);
  ~NetworkController() override;

  // ---- the task: data and network settings shared by every run. Any change restarts every
  // run from the new task's seeded initial network (Engine::setNetworkTask).
  const DatasetChoice& datasetChoice() const { return m_choice; }
  // Generates (or reads) and splits the data; SpecError leaves the last valid data in place.
  void setDataset(const DatasetChoice& choice);
  // The same dataset with a fresh seed (new points, new split).
  void regenerate();
  // Reads `path` as x1,x2,label (classification, or regression when labels are not classes);
  // a bad file throws SpecError naming the line, and the last valid data stays.
  void importCsv(const QString& path);
  const NetworkSettings& settings() const { return m_settings; }
  void setSettings(const NetworkSettings& settings);
  // The data and task in effect (never null after construction). The task is immutable here:
  // copy it to evaluate (NetworkTask copies share the data and bring their own scratch).
  std::shared_ptr<const DataSplit> data() const { return m_data; }
  std::shared_ptr<const NetworkTask> task() const { return m_task; }

  // ---- runs, in the order they were added
  RunId addRun(const OptimizerConfig& optimizer, const ScheduleConfig& schedule = {},
               std::optional<RunStyle> style = std::nullopt);
  RunId duplicateRun(RunId id);
  void removeRun(RunId id);
  void setOptimizer(RunId id, const OptimizerConfig& optimizer);
  void setSchedule(RunId id, const ScheduleConfig& schedule);
  void setStyle(RunId id, const RunStyle& style);
  const std::vector<RunId>& runIds() const { return m_order; }
  NetworkRunConfig runConfig(RunId id) const;  // SpecError for an unknown run
  const RunStyle& style(RunId id) const;
  // SGD, Adam, AdaGrad and RMSProp on circle with the default settings.
  void loadDefaultScene();
  void clearRuns();

  // ---- the selected run (insight views follow it); 0 when there are no runs
  RunId selectedRun() const { return m_selected; }
  void selectRun(RunId id);

  // ---- playback (one engine step = one minibatch)
  void play();
  void pause();
  void togglePlay();
  // Pauses, then advances every run by the steps that bring the selected run to its next
  // epoch boundary (all runs of the task share the epoch length). Waits briefly for the
  // engine to settle so the count is exact.
  void stepEpoch();
  void step(long long minibatches);
  void resetAll();
  void setSpeed(double stepsPerSecond);  // per run; +inf: unlimited
  bool isPlaying() const { return m_playing; }
  double speed() const { return m_speed; }
  long long batchesPerEpoch() const;

  // ---- results, as of the last poll
  std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
  const RunSnapshot* runSnapshot(RunId id) const;
  // The run's parameters as of the last poll, or the task's initial network while the engine
  // has not yet shown the run on the current task (just added, or restarted on a new task).
  Eigen::VectorXd currentParams(RunId id) const;
  // Whether the snapshot of `run` belongs to the current task.
  bool onCurrentTask(const RunSnapshot& run) const;
  const RunTraces& traces() const { return m_traces; }
  const EpochHistory* epochs(RunId id) const { return m_traces.epochs(id); }
  Engine& engine() { return *m_engine; }

  void pollNow();
  bool waitUntilIdle(int timeoutMs);

 signals:
  void updated();      // a poll brought a new snapshot or trace points
  void runsChanged();  // a run was added, removed, restyled or reconfigured
  void taskChanged();  // data or network settings changed (runs restarted)
  void selectedRunChanged(RunId id);
  void playingChanged(bool playing);

 private:
  void applyTask(std::shared_ptr<const DataSplit> data, const NetworkSettings& settings);
  void poll();
  void forgetRun(RunId id);
  void keepSelectionValid();

  std::unique_ptr<Engine> m_engine;
  QTimer m_timer;
  RunTraces m_traces;
  std::shared_ptr<const Snapshot> m_snapshot;
  DatasetChoice m_choice;
  NetworkSettings m_settings;
  std::shared_ptr<const DataSplit> m_data;
  std::shared_ptr<const NetworkTask> m_task;
  std::vector<RunId> m_order;
  std::map<RunId, RunStyle> m_styles;
  RunId m_selected = 0;
  bool m_playing = false;
  double m_speed;
  int m_colorsUsed = 0;
};

}  // namespace optiscope::ui

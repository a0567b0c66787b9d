#pragma once

#include <QString>
#include <cstdint>
#include <memory>

#include "core/engine/epoch_record.h"
#include "core/engine/network_problem.h"
#include "core/nn/dataset.h"
#include "core/nn/network_task.h"
#include "ui/common/run_controller.h"

namespace optiscope::ui {

// Where the Network page's data comes from: a generated dataset of the catalog, or imported
// CSV points (then name, points and noise are ignored; trainRatio and seed still split). The
// points themselves are kept, not the file's path, so a scene saved with them is complete.
struct DatasetChoice {
  QString name = QStringLiteral("circle");
  int points = 500;
  double noise = 0.0;
  double trainRatio = 0.5;
  std::uint64_t seed = 0;  // the points and the train/test split
  std::string csvText;     // non-empty: imported points, `x1,x2,label` lines
  QString csvName;         // the file they came from, for display

  bool isImported() const { return !csvText.empty(); }
  bool operator==(const DatasetChoice&) const = default;
};

// The Network page's controller: every run trains the same task (data + NetworkSettings)
// from the task's seeded initial network with its own optimizer and schedule; one engine step
// is one minibatch update.
class NetworkController : public RunController {
  Q_OBJECT
 public:
  explicit NetworkController(QObject* parent = nullptr);

  // ---- the task: data and network settings shared by every run. Any change restarts every
  // run from the new task's seeded initial network (restartOnNetworkTask) and announces
  // problemChanged.
  const DatasetChoice& datasetChoice() const { return m_choice; }
  // Generates (or reads) and splits the data; SpecError leaves the last valid data in place.
  void setDataset(const DatasetChoice& choice);
  // The same dataset with a fresh seed (new points, new split).
  void regenerate();
  // Reads `path` as x1,x2,label: classes, or values (then the loss becomes squared error) when
  // the labels are not classes; a bad file throws SpecError naming the line, and the last valid
  // data stays.
  void importCsv(const QString& path);
  const NetworkSettings& settings() const { return m_settings; }
  void setSettings(const NetworkSettings& settings);
  // Data and settings at once (one restart); SpecError leaves both as they were.
  void setTask(const DatasetChoice& choice, const NetworkSettings& settings);
  // The data and task in effect (never null after construction). The task is immutable here:
  // copy it to evaluate (NetworkTask copies share the data and bring their own scratch).
  std::shared_ptr<const DataSplit> data() const { return m_data; }
  std::shared_ptr<const NetworkTask> task() const { return m_task; }
  // SGD, Adam, AdaGrad and RMSProp on circle with the default settings.
  void loadDefaultScene();

  // ---- playback: Step advances every run to the selected run's next epoch boundary
  void stepOnce() override;
  long long stepsPerEpoch() const override;

  // ---- results
  // The run's parameters as of the last poll, or the task's initial network while the engine
  // has not yet shown the run on the current task (just added, or restarted on a new task).
  Eigen::VectorXd currentParams(RunId id) const;
  // Whether the snapshot of `run` belongs to the current task.
  bool onCurrentTask(const RunSnapshot& run) const;
  const EpochHistory* epochs(RunId id) const { return traces().epochs(id); }

 protected:
  RunConfig newRunConfig(const OptimizerConfig& optimizer,
                         const ScheduleConfig& schedule) const override;

 private:
  void applyTask(std::shared_ptr<const DataSplit> data, const NetworkSettings& settings);

  DatasetChoice m_choice;
  NetworkSettings m_settings;
  std::shared_ptr<const DataSplit> m_data;
  std::shared_ptr<const NetworkProblem> m_problem;  // every run's problem (each steps a clone)
  std::shared_ptr<const NetworkTask> m_task;        // m_problem's task
};

}  // namespace optiscope::ui

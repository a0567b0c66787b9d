#pragma once

#include <QImage>
#include <QObject>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/nn/decision_grid.h"
#include "core/nn/network_task.h"
#include "ui/background/gui_job.h"

namespace optiscope::ui {

// What one evaluation asks for: the task, the box, and the parameters of each run to draw.
// The selected run's hidden neurons are imaged too (the network diagram's thumbnails).
struct DecisionMapRequest {
  std::shared_ptr<const NetworkTask> task;
  GridBox box;
  int resolution = 96;
  struct Run {
    RunId id = 0;
    long long step = 0;
    Eigen::VectorXd params;
  };
  std::vector<Run> runs;
  RunId selected = 0;
};

// The pictures of one request, built on a pool thread.
struct DecisionMaps {
  std::uint64_t sequence = 0;
  std::shared_ptr<const NetworkTask> task;
  GridBox box;
  struct RunMap {
    RunId id = 0;
    long long step = 0;
    QImage image;
  };
  std::vector<RunMap> runs;
  RunId selected = 0;
  std::vector<QImage> features;              // one per input feature
  std::vector<std::vector<QImage>> neurons;  // selected run: per hidden layer, per neuron

  const RunMap* find(RunId id) const;
};

DecisionMaps computeDecisionMaps(const DecisionMapRequest& request);

// Evaluates decision maps off the GUI thread, as a job of the one job pattern that lets running
// work finish (Supersede::kFinishRunning): requests made meanwhile are coalesced into the
// newest, which starts when the running one ends, so a stream of requests while training costs
// at most one evaluation at a time and the result shown is never older than the last request
// by more than one evaluation.
class DecisionMapJob : public QObject {
  Q_OBJECT
 public:
  explicit DecisionMapJob(QObject* parent = nullptr);
  ~DecisionMapJob() override;

  void request(DecisionMapRequest request);
  bool busy() const { return !m_job->idle(); }
  std::uint64_t lastRequested() const { return m_job->generation(); }

 signals:
  void ready(std::shared_ptr<const DecisionMaps> maps);

 private:
  std::unique_ptr<GuiJob<DecisionMaps>> m_job;
};

}  // namespace optiscope::ui

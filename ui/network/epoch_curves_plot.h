#pragma once

#include <qcustomplot.h>

#include <QTimer>
#include <map>
#include <utility>

#include "core/engine/engine_types.h"
#include "core/nn/network_task.h"

namespace optiscope::ui {

class NetworkController;

// Per-epoch curves of every run from its EpochHistory, in the run's color: test solid, train
// dashed. Loss on a log axis; accuracy on [0, 1] (regression has no accuracy: the plot says so).
class EpochCurvesPlot : public QCustomPlot {
  Q_OBJECT
 public:
  enum class Quantity { Loss, Accuracy };
  EpochCurvesPlot(NetworkController* controller, Quantity quantity, QWidget* parent = nullptr);

  // The (test, train) curves of a run; nulls for an unknown run.
  std::pair<QCPGraph*, QCPGraph*> graphsOf(RunId id) const;
  int runCount() const { return static_cast<int>(m_graphs.size()); }
  void refreshNow();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void syncRuns();
  void scheduleRefresh();
  double valueOf(const NetworkMetrics& metrics, bool test) const;

  NetworkController* m_controller;
  Quantity m_quantity;
  std::map<RunId, std::pair<QCPGraph*, QCPGraph*>> m_graphs;
  QCPItemText* m_note;
  QCPItemText* m_key;  // which line style is test, which train
  QTimer m_throttle;
};

}  // namespace optiscope::ui

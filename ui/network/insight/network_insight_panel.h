#pragma once

#include <Eigen/Core>
#include <QTabWidget>
#include <QTimer>
#include <memory>

#include "core/engine/engine_types.h"
#include "core/nn/network_task.h"

class QLabel;

namespace optiscope {
struct RunSnapshot;
}

namespace optiscope::ui {

class NetworkController;
class LayerRateHeatmap;
class LayerRateBands;
class LossSliceView;

// Inside the training of the selected run: "Learning rates" (η_eff of every weight now, and the
// spread of η_eff per layer over the epochs) and "Loss landscape" (a slice of the training loss
// with every run's path on it, and the loss on the line from init to now). Follows the
// controller's selected run, task and updates; views draw, this only feeds them.
class NetworkInsightPanel : public QTabWidget {
  Q_OBJECT
 public:
  explicit NetworkInsightPanel(NetworkController* controller, QWidget* parent = nullptr);

  LayerRateHeatmap* rateHeatmap() const { return m_heatmap; }
  LayerRateBands* rateBands() const { return m_bands; }
  LossSliceView* sliceView() const { return m_slice; }
  QLabel* rateHeader() const { return m_header; }
  // Feeds every view from the controller now (normally throttled to ~10 Hz).
  void refreshNow();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void scheduleRefresh();
  void syncTask();
  void refreshRates(RunId selected, const RunSnapshot* run);
  void refreshSlice(RunId selected, const RunSnapshot* run);
  void recenterOnSelected();
  const RunSnapshot* currentSnapshot(RunId id) const;

  NetworkController* m_controller;
  LayerRateHeatmap* m_heatmap;
  LayerRateBands* m_bands;
  LossSliceView* m_slice;
  QLabel* m_header;
  QTimer m_throttle;
  bool m_stale = false;

  std::shared_ptr<const NetworkTask> m_task;
  Eigen::VectorXd m_initial;
  // What the bands last drew, to skip identical redraws between epochs.
  RunId m_bandsRun = 0;
  std::size_t m_bandsSize = 0;
  long long m_bandsLastStep = -1;
};

}  // namespace optiscope::ui

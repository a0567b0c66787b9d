#pragma once

#include <qcustomplot.h>

#include <Eigen/Core>
#include <QColor>
#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/epoch_record.h"
#include "core/landscape/landscape_result.h"
#include "core/nn/loss_slice.h"
#include "core/nn/network_task.h"
#include "ui/network/insight/slice_projection_cache.h"

class QLabel;
class QPushButton;
class QDoubleSpinBox;

namespace optiscope::ui {

class LandscapeHeatmap;
class LossLinePlot;
class LossSliceJobs;

// What the view needs of one run to draw its path on the slice.
struct SliceTrajectory {
  RunId id = 0;
  long long generation = 0;  // a restart (new generation) forgets the run's cached projections
  QColor color;
  bool visible = true;
  const EpochHistory* history = nullptr;
  const Eigen::VectorXd* current = nullptr;
};

// The network's loss landscape: a 2D slice of the training objective around a center along two
// seeded, filter-normalized random directions (core/nn/loss_slice.h), drawn like the 2D
// landscape (heatmap + contours), with every run's path (its epoch records and its current
// parameters) projected onto the plane in the run's color; below it the loss along the line
// from the selected run's initial to its current network. The directions are drawn from the
// task's seed and stay fixed while training, so every run shares the slice; only "Recenter"
// (or a new task) moves the plane. All evaluation runs off the GUI thread.
class LossSliceView : public QWidget {
  Q_OBJECT
 public:
  explicit LossSliceView(QWidget* parent = nullptr);
  ~LossSliceView() override;

  // A different task drops the slice, the paths and the line (a new task is a new surface).
  void setTask(std::shared_ptr<const NetworkTask> task);
  // New plane through `center` (a vector of the task's size; anything else is ignored), with
  // the task's seeded directions normalized to it; `description` says where it is ("Adam,
  // epoch 12") in the status line.
  void recenter(const Eigen::VectorXd& center, const QString& description = {});
  void setSliceRange(double range);
  double sliceRange() const { return m_range; }
  void setResolution(int fine) { m_resolution = fine; }

  void setTrajectories(const std::vector<SliceTrajectory>& runs);
  // The line of the selected run; recomputed at most every ~0.5 s while the ends move.
  void setLineEnds(const Eigen::VectorXd& from, const Eigen::VectorXd& to, const QColor& color);

  bool hasBeenCentered() const { return m_plane != nullptr; }
  std::shared_ptr<const SlicePlane> plane() const { return m_plane; }
  std::shared_ptr<const LandscapeResult> shownSlice() const;
  QCPCurve* trajectoryCurve(RunId id) const;
  QCustomPlot* slicePlot() const { return m_plot; }
  LossLinePlot* linePlot() const { return m_line; }
  QPushButton* recenterButton() const { return m_recenter; }
  QString statusText() const;
  // Whether a slice or line is still waiting or being computed (for tests: results already
  // computed may still be queued for the GUI thread).
  bool computing() const;

 signals:
  // The user asked for a new center (the button), or the view is shown for the first time
  // without one: whoever knows the selected run answers with recenter().
  void recenterRequested();
  void sliceShown(bool fine);
  void lineShown();

 protected:
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct RunCurves {
    QCPCurve* path = nullptr;
    QCPCurve* head = nullptr;
  };
  void requestSlice();
  void flushLine();
  void onSliceReady(std::shared_ptr<const LandscapeResult> result);
  void applyAxes();
  RunCurves& curvesOf(RunId id);
  void dropCurves(RunId id);

  std::shared_ptr<const NetworkTask> m_task;
  std::shared_ptr<const SlicePlane> m_plane;
  SliceProjectionCache m_projections;
  double m_range = 1.0;
  int m_resolution = 41;
  QString m_centerDescription;

  LossSliceJobs* m_jobs;
  QCustomPlot* m_plot;
  // Owned here (it is a QObject without a parent): destroyed before the plot it draws on.
  std::unique_ptr<LandscapeHeatmap> m_heatmap;
  QCPCurve* m_centerMark;
  std::map<RunId, RunCurves> m_curves;
  LossLinePlot* m_line;
  QPushButton* m_recenter;
  QDoubleSpinBox* m_rangeBox;
  QLabel* m_status;

  QTimer m_lineTimer;
  Eigen::VectorXd m_lineFrom, m_lineTo;
  QColor m_lineColor;
  bool m_linePending = false;
  bool m_sliceComputing = false;
};

}  // namespace optiscope::ui

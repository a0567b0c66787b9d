#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/landscape/path_thinning.h"
#include "ui/landscape/growing_path.h"
#include "ui/landscape/trajectory_path_layer.h"

class QCustomPlot;
class QCPAxisRect;
class QCPCurve;
class QCPItemText;

namespace optiscope {
class RunTraces;
}

namespace optiscope::ui {

class LandscapeController;

// A drawn point near the mouse.
struct PathHit {
  RunId run = 0;
  long long step = 0;
  QPointF pixel;
  double distance = 0.0;  // pixels
};

// One path per run on the landscape (drawn by a TrajectoryPathLayer in the run's color), a
// marker at its head (on the markers' layer, redrawn every frame), and a legend entry. A run that
// diverged says so in its legend entry and with a cross and "diverged at step N" where its path
// ends (its last finite point). Paths are thinned in pixel space before they are drawn, so a frame
// costs what the screen can show rather than what the run has kept.
class TrajectoryPaths {
 public:
  // What update() changed: nothing, paths that only grew (paintGrowth() adds them), or
  // paths to draw again (replot the path layer).
  enum class Change { None, Grown, Redrawn };

  TrajectoryPaths(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& pathLayer,
                  const QString& headLayer);
  ~TrajectoryPaths();
  TrajectoryPaths(const TrajectoryPaths&) = delete;
  TrajectoryPaths& operator=(const TrajectoryPaths&) = delete;

  // Adds, removes and restyles curves after runs changed (colors, labels, visibility, order).
  void syncRuns(const LandscapeController& controller);
  // Takes the runs' new points; re-thins every point of the runs whose pixel mapping changed
  // or that restarted.
  Change update(const RunTraces& traces);
  // Paints what the paths gained onto the path layer's buffer; false when the layer must be
  // replotted instead.
  bool paintGrowth() { return m_pathLayer->paintGrowth(); }
  // Whether the last update() moved a run's head marker visibly (by half a pixel or more),
  // showed or hid one: the marker layer needs a replot only then.
  bool headsMoved() const { return m_headsMoved; }
  // Forgets every path (another function: the old points mean nothing on the new surface).
  void clearPoints();
  // The step at which a run diverged, or -1 when it has not. True if that changed.
  bool setDivergedAt(RunId id, long long step);
  // The label at the end of a diverged run's path (null for an unknown run); hidden unless
  // the run diverged and is shown.
  QCPItemText* divergenceLabel(RunId id) const;

  // The drawn point nearest to `pixel` within `radius` pixels, over visible runs.
  std::optional<PathHit> nearest(QPointF pixel, double radius) const;
  // Points handed to QCustomPlot for a run (0 for an unknown or hidden run).
  std::size_t drawnPointCount(RunId id) const;
  // The points drawn for a run, in function coordinates (empty for an unknown run).
  const std::vector<Eigen::Vector2d>& drawnPoints(RunId id) const;
  // The curve that stands for a run in the legend and carries its head marker.
  QCPCurve* legendCurve(RunId id) const;

 private:
  struct RunCurves {
    QCPCurve* legend = nullptr;  // no data: a legend entry in the run's color
    QCPCurve* head = nullptr;
    QCPCurve* divergedMark = nullptr;
    QCPItemText* divergedLabel = nullptr;
    QString label;
    long long divergedAt = -1;
    QColor color;
    bool visible = true;
    GrowingPath path;
    TrajectoryPathLayer::Painted painted;      // what of `path` is on the layer's buffer
    std::optional<Eigen::Vector2d> headPixel;  // where the head marker was placed last
  };

  PixelTransform currentTransform() const;
  RunCurves makeCurves() const;
  void removeCurves(RunCurves& curves);
  void placeHead(RunCurves& curves, const PixelTransform& transform);
  void showDivergence(RunCurves& curves);
  static QString legendName(const RunCurves& curves);
  void handPathsToLayer();

  QCustomPlot* m_plot;
  QCPAxisRect* m_axisRect;
  QString m_layer;
  QString m_headLayer;
  TrajectoryPathLayer* m_pathLayer;
  std::vector<RunId> m_order;
  bool m_headsMoved = false;
  std::map<RunId, RunCurves> m_runs;
};

}  // namespace optiscope::ui

#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/landscape/path_thinning.h"
#include "ui/landscape/trajectory_path_layer.h"

class QCustomPlot;
class QCPAxisRect;
class QCPCurve;

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
// marker at its head, and a legend entry. Paths are thinned in pixel space before they are
// drawn, so a frame costs what the screen can show rather than what the run has kept.
class TrajectoryPaths {
 public:
  TrajectoryPaths(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer);
  ~TrajectoryPaths();
  TrajectoryPaths(const TrajectoryPaths&) = delete;
  TrajectoryPaths& operator=(const TrajectoryPaths&) = delete;

  // Adds, removes and restyles curves after runs changed (colors, labels, visibility, order).
  void syncRuns(const LandscapeController& controller);
  // Re-thins the runs whose trace or whose pixel mapping changed. True if a curve changed.
  bool update(const RunTraces& traces);
  // Forgets every path (another function: the old points mean nothing on the new surface).
  void clearPoints();

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
    QColor color;
    bool visible = true;
    // What the drawn curve was made from, to skip work when nothing changed.
    long long generation = -1;
    long long appended = -1;
    PixelTransform transform;
    std::vector<Eigen::Vector2d> points;  // every kept trace point, oldest first
    std::vector<long long> steps;
    std::vector<std::size_t> kept;       // indices into points after thinning
    std::vector<Eigen::Vector2d> drawn;  // points[kept[k]]
    std::vector<QPointF> keptPixels;
  };

  PixelTransform currentTransform() const;
  RunCurves makeCurves() const;
  void removeCurves(RunCurves& curves);
  void redraw(RunCurves& curves, const PixelTransform& transform);
  void handPathsToLayer();

  QCustomPlot* m_plot;
  QCPAxisRect* m_axisRect;
  QString m_layer;
  TrajectoryPathLayer* m_pathLayer;
  std::vector<RunId> m_order;
  std::map<RunId, RunCurves> m_runs;
};

}  // namespace optiscope::ui

#pragma once

#include <qcustomplot.h>

#include <QTimer>
#include <map>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/trace.h"
#include "ui/landscape/column_thinning.h"

namespace optiscope::ui {

class LandscapeController;
struct RunStyle;

// A plot of per-step quantities of every run against the step, one or more curves per run in
// the run's color, drawn from the controller's traces. Curves are thinned per pixel column
// before they are handed to QCustomPlot, so a run of 10^8 steps costs what its width in pixels
// costs. The step axis is logarithmic or linear (the start of a run and its long tail do not
// read well on the same linear axis).
//
// While runs race, a frame costs what the new points cost: the step axis ends at a round step
// ahead of the runs (it moves in jumps, not every frame), so the pixel columns stay put and
// each frame folds only the points made since the last one into them; the curves sit on a
// layer of their own that is redrawn alone while the axes stay as they are.
class StepSeriesPlot : public QCustomPlot {
  Q_OBJECT
 public:
  explicit StepSeriesPlot(LandscapeController* controller, QWidget* parent = nullptr);

  void setLogStepAxis(bool logarithmic);
  bool logStepAxis() const { return m_logStep; }
  // The curves of a run, in curve order (empty for an unknown run).
  std::vector<QCPGraph*> graphsOf(RunId id) const;
  // Rebuilds every curve from the traces and replots now (normally throttled to ~30 Hz).
  void refreshNow();

 protected:
  // Call at the end of the subclass's constructor.
  void initialize();
  virtual int curvesPerRun() const = 0;
  // The value to plot, or NaN to leave the point out.
  virtual double curveValue(int curve, const TracePoint& point) const = 0;
  virtual Qt::PenStyle curveStyle(int /*curve*/) const { return Qt::SolidLine; }
  virtual bool logValueAxis() const { return true; }
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  LandscapeController* controller() const { return m_controller; }

 private:
  struct RunCurves {
    std::vector<QCPGraph*> graphs;
    std::vector<ColumnSummary> columns;  // one per curve
    long long generation = -1;
    long long lastStep = -1;  // the newest step folded into the columns
    // The columns were made afresh (a new axis, a restarted run): the graphs are handed all
    // of them and drawn again, not just extended.
    bool reset = true;
  };
  // A graph that only gained points at its end, from `fromKey` on.
  struct Growth {
    QCPGraph* graph;
    double fromKey;
  };

  void syncRuns();
  void scheduleRefresh();
  // True when the axes (and so the whole plot) changed; false when only curves did (then
  // m_grown and m_curvesRedrawn say how).
  bool rebuildCurves();
  // Hands a curve's changed columns to its graph: all of them after a reset, else those from
  // the first column that changed.
  void handOver(ColumnSummary& summary, QCPGraph* graph, bool reset);
  // Paints the segments the graphs in m_grown gained onto the curve layer as it stands; false
  // if the layer must be replotted instead.
  bool paintGrowth();
  // Sets the step axis for the newest step; true (and every column forgotten) when it moved.
  bool placeStepAxis(long long lastStep);
  void foldNewPoints(RunCurves& curves, const Trace& trace);
  std::size_t columnOf(double step, std::size_t hint) const;
  bool fitValueAxis(double low, double high);

  LandscapeController* m_controller;
  std::map<RunId, RunCurves> m_graphs;
  QCPLayer* m_curveLayer = nullptr;
  QTimer m_throttle;
  bool m_stale = false;
  bool m_logStep = true;
  double m_axisEnd = 0.0;
  QRect m_columnsFor;                 // the axis rect the columns were made for
  QRect m_laidOutViewport;            // the plot's size when it was last laid out
  bool m_layoutStale = true;          // the axes changed since the last layout
  std::vector<double> m_columnEdges;  // the step at each column's left edge, and the last's right
  std::vector<ColumnSummary::Point> m_scratch;
  std::vector<Growth> m_grown;   // since the last refresh
  bool m_curvesRedrawn = false;  // some graph was handed all its points since the last refresh
  QPolygonF m_growthPixels;
};

}  // namespace optiscope::ui

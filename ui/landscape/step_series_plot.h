#pragma once

#include <qcustomplot.h>

#include <QTimer>
#include <map>
#include <vector>

#include "core/engine/engine_types.h"
#include "core/engine/trace.h"

namespace optiscope::ui {

class LandscapeController;
struct RunStyle;

// A plot of per-step quantities of every run against the step, one or more curves per run in
// the run's color, drawn from the controller's traces. Curves are thinned per pixel column
// before they are handed to QCustomPlot, so a run of 10^8 steps costs what its width in pixels
// costs. The step axis is logarithmic or linear (the start of a run and its long tail do not
// read well on the same linear axis).
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
  LandscapeController* controller() const { return m_controller; }

 private:
  void syncRuns();
  void scheduleRefresh();
  void rebuildCurves();
  void fitValueAxis(double low, double high);

  LandscapeController* m_controller;
  std::map<RunId, std::vector<QCPGraph*>> m_graphs;
  QTimer m_throttle;
  bool m_stale = false;
  bool m_logStep = true;
};

}  // namespace optiscope::ui

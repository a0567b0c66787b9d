#pragma once

#include "ui/landscape/step_series_plot.h"

namespace optiscope::ui {

// Loss against step on a log axis, one curve per run. Plotted as the gap f − f* to the global
// minimum when the function has one, so every function reads on a log axis (some minima are
// negative); a function without a minimum (the saddle) is plotted as f on a linear axis.
class LossPlot : public StepSeriesPlot {
  Q_OBJECT
 public:
  explicit LossPlot(LandscapeController* controller, QWidget* parent = nullptr);

 protected:
  int curvesPerRun() const override { return 1; }
  double curveValue(int curve, const TracePoint& point) const override;
  bool logValueAxis() const override { return m_hasMinimum; }

 private:
  void readObjective();

  double m_minimum = 0.0;
  bool m_hasMinimum = true;
};

}  // namespace optiscope::ui

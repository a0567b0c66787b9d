#pragma once

#include "ui/landscape/step_series_plot.h"

namespace optiscope::ui {

// The per-parameter effective learning rate η of every run against step, on a log axis: η_x
// solid and η_y dashed in the run's color (the legend says which is which). Here the story of
// adaptive rates shows: AdaGrad's shrinking, RMSProp's holding, Adam's bias correction early on.
class LearningRatePlot : public StepSeriesPlot {
  Q_OBJECT
 public:
  explicit LearningRatePlot(LandscapeController* controller, QWidget* parent = nullptr);

 protected:
  int curvesPerRun() const override { return 2; }
  double curveValue(int curve, const TracePoint& point) const override;
  Qt::PenStyle curveStyle(int curve) const override;
  void changeEvent(QEvent* event) override;

 private:
  void styleLegend();

  QCPGraph* m_solidKey = nullptr;
  QCPGraph* m_dashedKey = nullptr;
};

}  // namespace optiscope::ui

#include "ui/landscape/learning_rate_plot.h"

#include "ui/common/presentation_look.h"

namespace optiscope::ui {

LearningRatePlot::LearningRatePlot(LandscapeController* controller, QWidget* parent)
    : StepSeriesPlot(controller, parent) {
  yAxis->setLabel(QStringLiteral("effective learning rate η"));
  // Two empty graphs that only explain the line styles; the runs' colors are explained by the
  // runs panel and the landscape's legend.
  m_solidKey = addGraph();
  m_solidKey->setName(QStringLiteral("η_x"));
  m_dashedKey = addGraph();
  m_dashedKey->setName(QStringLiteral("η_y"));
  legend->setVisible(true);
  legend->setFillOrder(QCPLegend::foColumnsFirst);
  legend->setRowSpacing(0);
  legend->setColumnSpacing(8);
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  initialize();
  styleLegend();
}

double LearningRatePlot::curveValue(int curve, const TracePoint& point) const {
  return curve < point.effectiveLr.size() ? point.effectiveLr[curve] : std::nan("");
}

Qt::PenStyle LearningRatePlot::curveStyle(int curve) const {
  return curve == 0 ? Qt::SolidLine : Qt::DashLine;
}

void LearningRatePlot::styleLegend() {
  const QColor text = palette().color(QPalette::WindowText);
  m_solidKey->setPen(QPen(text, scaledWidth(1.6), Qt::SolidLine));
  m_dashedKey->setPen(QPen(text, scaledWidth(1.6), Qt::DashLine));
}

void LearningRatePlot::changeEvent(QEvent* event) {
  if (isLookChange(*event)) styleLegend();
  StepSeriesPlot::changeEvent(event);
}

}  // namespace optiscope::ui

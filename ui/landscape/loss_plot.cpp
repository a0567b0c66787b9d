#include "ui/landscape/loss_plot.h"

#include <cmath>

#include "core/objectives/objective.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {

LossPlot::LossPlot(LandscapeController* controller, QWidget* parent)
    : StepSeriesPlot(controller, parent) {
  readObjective();
  initialize();
  connect(controller, &LandscapeController::problemChanged, this, [this] {
    const bool wasLog = m_hasMinimum;
    readObjective();
    // The axis's round ticks follow its scale type.
    if (wasLog != m_hasMinimum)
      yAxis->setScaleType(m_hasMinimum ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    refreshNow();
  });
}

void LossPlot::readObjective() {
  m_minimum = makeObjective(controller()->objective())->minimumValue();
  m_hasMinimum = std::isfinite(m_minimum);
  if (!m_hasMinimum)
    yAxis->setLabel(QStringLiteral("loss f"));
  else if (m_minimum == 0.0)
    yAxis->setLabel(QStringLiteral("loss f"));
  else
    yAxis->setLabel(QStringLiteral("loss f − f*  (f* = %1)").arg(m_minimum, 0, 'g', 6));
}

double LossPlot::curveValue(int, const TracePoint& point) const {
  return m_hasMinimum ? point.loss - m_minimum : point.loss;
}

}  // namespace optiscope::ui

#include "ui/network/insight/loss_line_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "ui/common/fitted_ticker.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"

namespace optiscope::ui {
namespace {

QCPItemStraightLine* verticalAt(QCustomPlot* plot, double t) {
  auto* line = new QCPItemStraightLine(plot);
  line->point1->setTypeX(QCPItemPosition::ptPlotCoords);
  line->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
  line->point2->setTypeX(QCPItemPosition::ptPlotCoords);
  line->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
  line->point1->setCoords(t, 0.0);
  line->point2->setCoords(t, 1.0);
  return line;
}

QCPItemText* labelAt(QCustomPlot* plot, double t, const QString& text) {
  auto* label = new QCPItemText(plot);
  label->position->setTypeX(QCPItemPosition::ptPlotCoords);
  label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
  label->position->setCoords(t, 0.02);
  label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
  label->setText(text);
  label->setPadding(QMargins(3, 1, 3, 1));
  return label;
}

}  // namespace

LossLinePlot::LossLinePlot(QWidget* parent) : QCustomPlot(parent) {
  setMinimumSize(180, 90);
  xAxis->setLabel(tr("t  (θ = (1−t)·θ_init + t·θ_now)"));
  yAxis->setLabel(tr("training loss"));
  m_graph = addGraph();
  m_start = verticalAt(this, 0.0);
  m_end = verticalAt(this, 1.0);
  m_startLabel = labelAt(this, 0.0, tr("init"));
  m_endLabel = labelAt(this, 1.0, tr("now"));
  xAxis->setRange(-0.25, 1.25);
  yAxis->setRange(0.0, 1.0);
  fitTicks(*this);
  styleForPalette();
}

void LossLinePlot::setLine(std::shared_ptr<const LossLine> line, const QColor& color) {
  m_line = std::move(line);
  QVector<QCPGraphData> data;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (std::size_t k = 0; k < m_line->t.size(); ++k) {
    const double loss = m_line->loss[k];
    data.push_back({m_line->t[k], std::isfinite(loss) ? loss : std::nan("")});
    if (std::isfinite(loss)) low = std::min(low, loss), high = std::max(high, loss);
  }
  m_graph->data()->set(data, true);
  m_graph->setPen(QPen(color, 2));
  if (!m_line->t.empty()) xAxis->setRange(m_line->t.front(), m_line->t.back());
  if (low <= high) {
    const double pad = high > low ? 0.06 * (high - low) : std::max(0.05, 0.1 * std::abs(high));
    yAxis->setRange(low - pad, high + pad);
  }
  replot(QCustomPlot::rpQueuedReplot);
}

void LossLinePlot::clearLine() {
  m_line.reset();
  m_graph->data()->clear();
  replot(QCustomPlot::rpQueuedReplot);
}

void LossLinePlot::styleForPalette() {
  ui::applyPalette(*this, palette());
  QColor marker = palette().color(QPalette::WindowText);
  marker.setAlpha(110);
  for (QCPItemStraightLine* line : {m_start, m_end}) line->setPen(QPen(marker, 1, Qt::DashLine));
  for (QCPItemText* label : {m_startLabel, m_endLabel})
    label->setColor(palette().color(QPalette::WindowText));
}

void LossLinePlot::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    styleForPalette();
    replot(QCustomPlot::rpQueuedReplot);
  }
  QCustomPlot::changeEvent(event);
}

}  // namespace optiscope::ui

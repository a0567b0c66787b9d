#include "ui/common/landscape_contour_layer.h"

#include <utility>

namespace optiscope::ui {

LandscapeContourLayer::LandscapeContourLayer(QCustomPlot* plot, QCPAxisRect* axisRect,
                                             const QString& layer)
    : QCPLayerable(plot, layer), m_axisRect(axisRect), m_pen(QColor(255, 255, 255, 110), 1.0) {}

void LandscapeContourLayer::setResult(std::shared_ptr<const LandscapeResult> result) {
  m_result = std::move(result);
  m_pointCount = 0;
  if (!m_result) return;
  for (const ContourSet& set : m_result->contours)
    for (const Polyline& line : set.lines) m_pointCount += line.size();
}

QRect LandscapeContourLayer::clipRect() const {
  return m_axisRect ? m_axisRect->rect() : QCPLayerable::clipRect();
}

void LandscapeContourLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const {
  applyAntialiasingHint(painter, mAntialiased, QCP::aePlottables);
}

void LandscapeContourLayer::draw(QCPPainter* painter) {
  if (!m_result || !m_axisRect) return;
  const QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
  const QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
  painter->setPen(m_pen);
  painter->setBrush(Qt::NoBrush);
  for (const ContourSet& set : m_result->contours) {
    for (const Polyline& line : set.lines) {
      m_scratch.resize(static_cast<int>(line.size()));
      for (std::size_t i = 0; i < line.size(); ++i)
        m_scratch[static_cast<int>(i)] =
            QPointF(x->coordToPixel(line[i].x()), y->coordToPixel(line[i].y()));
      painter->drawPolyline(m_scratch);
    }
  }
}

}  // namespace optiscope::ui

#include "ui/landscape/trajectory_path_layer.h"

#include <cmath>

namespace optiscope::ui {

namespace {

const QColor kHalo(0, 0, 0, 170);

}  // namespace

TrajectoryPathLayer::TrajectoryPathLayer(QCustomPlot* plot, QCPAxisRect* axisRect,
                                         const QString& layer)
    : QCPLayerable(plot, layer), m_axisRect(axisRect) {}

QRect TrajectoryPathLayer::clipRect() const {
  return m_axisRect ? m_axisRect->rect() : QCPLayerable::clipRect();
}

void TrajectoryPathLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const {
  applyAntialiasingHint(painter, mAntialiased, QCP::aePlottables);
}

void TrajectoryPathLayer::drawWithOffsets(QCPPainter* painter, const QPolygonF& line,
                                          const QColor& color,
                                          std::initializer_list<QPointF> offsets) {
  painter->setPen(QPen(color, 1.0, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin));
  for (const QPointF& offset : offsets) {
    m_shifted = line.translated(offset);
    painter->drawPolyline(m_shifted);
  }
}

void TrajectoryPathLayer::draw(QCPPainter* painter) {
  if (!m_axisRect) return;
  const QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
  const QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
  painter->setBrush(Qt::NoBrush);
  for (const Path& path : m_paths) {
    if (!path.points || path.points->size() < 2) continue;
    // Non-finite points (a diverged run) split the line: Qt would draw them to infinity.
    std::size_t from = 0;
    const std::vector<Eigen::Vector2d>& points = *path.points;
    while (from < points.size()) {
      m_pixels.clear();
      std::size_t i = from;
      for (; i < points.size() && points[i].allFinite(); ++i)
        m_pixels.append(QPointF(x->coordToPixel(points[i].x()), y->coordToPixel(points[i].y())));
      if (m_pixels.size() >= 2) {
        drawWithOffsets(painter, m_pixels, kHalo,
                        {{-1.25, 0.0}, {1.75, 0.0}, {0.0, -1.25}, {0.0, 1.75}});
        drawWithOffsets(painter, m_pixels, path.color, {{0.0, 0.0}, {0.5, 0.0}, {0.0, 0.5}});
      }
      from = i + 1;
    }
  }
}

}  // namespace optiscope::ui

#include "ui/landscape/trajectory_path_layer.h"

#include <cmath>

#include "ui/common/plot_access.h"

namespace optiscope::ui {

namespace {

const QColor kPathHalo(0, 0, 0, 170);

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

void TrajectoryPathLayer::drawPath(QCPPainter* painter, const std::vector<Eigen::Vector2d>& points,
                                   std::size_t from, const QColor& color) {
  const QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
  const QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
  // Non-finite points (a diverged run) split the line: Qt would draw them to infinity.
  while (from < points.size()) {
    m_pixels.clear();
    std::size_t i = from;
    for (; i < points.size() && points[i].allFinite(); ++i)
      m_pixels.append(QPointF(x->coordToPixel(points[i].x()), y->coordToPixel(points[i].y())));
    if (m_pixels.size() >= 2) {
      drawWithOffsets(painter, m_pixels, kPathHalo,
                      {{-1.25, 0.0}, {1.75, 0.0}, {0.0, -1.25}, {0.0, 1.75}});
      drawWithOffsets(painter, m_pixels, color, {{0.0, 0.0}, {0.5, 0.0}, {0.0, 0.5}});
    }
    from = i + 1;
  }
}

void TrajectoryPathLayer::draw(QCPPainter* painter) {
  if (!m_axisRect) return;
  painter->setBrush(Qt::NoBrush);
  for (const Path& path : m_paths) {
    if (!path.path) continue;
    drawPath(painter, path.path->drawn(), 0, path.color);
    if (path.painted) *path.painted = path.path->settledCount();
  }
}

bool TrajectoryPathLayer::paintGrowth() {
  if (!m_axisRect || !layer()) return false;
  return paintOntoLayer(*layer(), [this](QCPPainter& painter) {
    // As QCPLayer::draw sets up each layerable.
    painter.save();
    painter.setClipRect(clipRect().translated(0, -1));
    applyDefaultAntialiasingHint(&painter);
    painter.setBrush(Qt::NoBrush);
    for (const Path& path : m_paths) {
      if (!path.path || !path.painted) continue;
      // From the last point already painted, so that the line continues without a gap.
      const std::size_t from = *path.painted > 0 ? *path.painted - 1 : 0;
      drawPath(&painter, path.path->drawn(), from, path.color);
      *path.painted = path.path->settledCount();
    }
    painter.restore();
  });
}

}  // namespace optiscope::ui

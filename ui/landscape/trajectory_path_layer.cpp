#include "ui/landscape/trajectory_path_layer.h"

#include <algorithm>
#include <cmath>

#include "core/landscape/path_thinning.h"
#include "ui/common/plot_access.h"
#include "ui/common/presentation_look.h"

namespace optiscope::ui {

namespace {

// As GrowingPath's thinning: closer than this, two points look like one.
constexpr double kDotSize = ThinningOptions{}.minPixelStep;  // pixels

bool withinADot(QPointF a, QPointF b) {
  const QPointF d = a - b;
  return d.x() * d.x() + d.y() * d.y() < kDotSize * kDotSize;
}

}  // namespace

QColor TrajectoryPathLayer::haloColor() {
  // Translucent on the desktop, where the map under a path stays readable; opaque while
  // presenting, where every run color must stand out from it by 3:1 even over a white map.
  return QColor(0, 0, 0, presentationLook().presenting ? 255 : 170);
}

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
  const double scale = presentationLook().lineScale;
  painter->setPen(QPen(color, scale, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin));
  for (const QPointF& offset : offsets) {
    m_shifted = line.translated(offset * scale);
    painter->drawPolyline(m_shifted);
  }
}

void TrajectoryPathLayer::strokeCased(QCPPainter* painter, const QColor& color) {
  if (m_pixels.size() >= 2 && painter->modes().testFlag(QCPPainter::pmVectorized)) {
    // A figure (SVG, PDF): one path, cased by a wider stroke under it. The offset strokes
    // below imitate that on screen at a fraction of the cost of a wide antialiased pen.
    QPainterPath line;
    line.addPolygon(m_pixels);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(
        QPen(haloColor(), scaledWidth(3.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(line);
    painter->setPen(QPen(color, scaledWidth(1.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(line);
  } else if (m_pixels.size() >= 2) {
    drawWithOffsets(painter, m_pixels, haloColor(),
                    {{-1.25, 0.0}, {1.75, 0.0}, {0.0, -1.25}, {0.0, 1.75}});
    drawWithOffsets(painter, m_pixels, color, {{0.0, 0.0}, {0.5, 0.0}, {0.0, 0.5}});
  }
  m_pixels.clear();
}

std::optional<QPointF> TrajectoryPathLayer::drawPath(QCPPainter* painter,
                                                     const std::vector<Eigen::Vector2d>& points,
                                                     std::size_t from, const QColor& color) {
  const QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
  const QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
  std::optional<QPointF> last;
  // Non-finite points (a diverged run, or where the path lifts its pen) split the line: Qt
  // would draw them to infinity.
  while (from < points.size()) {
    m_pixels.clear();
    std::optional<QPointF> previous;  // the last point placed, drawn or not
    std::size_t i = from;
    for (; i < points.size() && points[i].allFinite(); ++i) {
      const QPointF pixel(x->coordToPixel(points[i].x()), y->coordToPixel(points[i].y()));
      // The path keeps its newest points however close (they are what the mouse hovers), but
      // a segment shorter than kDotSize draws nothing an antialiased line can show: a
      // converged run's tail would cost seven strokes per point and frame for a dot.
      const bool lastOfStretch = i + 1 == points.size() || !points[i + 1].allFinite();
      if (previous && !lastOfStretch && withinADot(*previous, pixel)) continue;
      m_pixels.append(pixel);
      previous = pixel;
    }
    strokeCased(painter, color);
    if (previous) last = previous;
    from = i + 1;
  }
  return last;
}

void TrajectoryPathLayer::draw(QCPPainter* painter) {
  if (!m_axisRect) return;
  painter->setBrush(Qt::NoBrush);
  for (const Path& path : m_paths) {
    if (!path.path) continue;
    const std::optional<QPointF> newest = drawPath(painter, path.path->drawn(), 0, path.color);
    if (path.painted) {
      path.painted->settled = path.path->settledCount();
      path.painted->newest = newest;
    }
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
      Painted& painted = *path.painted;
      // From the last point already painted, so that the line continues without a gap.
      const std::size_t from = painted.settled > 0 ? painted.settled - 1 : 0;
      // Nothing settled since, and every newer point within a dot of where the painted line
      // ends: what would be painted is on the buffer already (a converged run, or a paused one).
      const std::vector<QPointF>& pixels = path.path->drawnPixels();
      if (painted.settled == path.path->settledCount() && painted.newest &&
          std::all_of(pixels.begin() + static_cast<std::ptrdiff_t>(std::min(from, pixels.size())),
                      pixels.end(), [&](QPointF p) { return withinADot(*painted.newest, p); }))
        continue;
      const std::optional<QPointF> newest =
          drawPath(&painter, path.path->drawn(), from, path.color);
      painted.settled = path.path->settledCount();
      if (newest) painted.newest = newest;
    }
    painter.restore();
  });
}

}  // namespace optiscope::ui

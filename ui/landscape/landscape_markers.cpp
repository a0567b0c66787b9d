#include "ui/landscape/landscape_markers.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

#include "ui/common/presentation_look.h"

namespace optiscope::ui {

namespace {

QCPCurve* markerCurve(QCPAxisRect* rect, const QString& layer, const QCPScatterStyle& style) {
  auto* curve = new QCPCurve(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
  curve->setLayer(layer);
  curve->setLineStyle(QCPCurve::lsNone);
  curve->setScatterStyle(style);
  curve->setSelectable(QCP::stNone);
  curve->removeFromLegend();
  return curve;
}

const QColor kMarkerHalo(0, 0, 0, 170);

}  // namespace

LandscapeMarkers::LandscapeMarkers(QCustomPlot* plot, QCPAxisRect* axisRect,
                                   const QString& minimaLayer, const QString& startLayer)
    : m_axisRect(axisRect) {
  m_minimaHalo = markerCurve(axisRect, minimaLayer, {});
  m_minima = markerCurve(axisRect, minimaLayer, {});
  m_startHalo = markerCurve(axisRect, startLayer, {});
  m_startMarker = markerCurve(axisRect, startLayer, {});
  m_hover = markerCurve(axisRect, startLayer, {});
  m_hintArrow = new QCPItemLine(plot);
  m_hintArrow->setLayer(startLayer);
  m_hintArrow->setClipToAxisRect(false);
  m_hintArrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 14, 16));
  m_hintArrow->setSelectable(false);
  m_hintArrow->setVisible(false);
  m_hintText = new QCPItemText(plot);
  m_hintText->setLayer(startLayer);
  m_hintText->setClipToAxisRect(false);
  m_hintText->setColor(Qt::white);
  m_hintText->setBrush(kMarkerHalo);
  m_hintText->setPadding(QMargins(4, 1, 4, 1));
  m_hintText->setText(QStringLiteral("start"));
  m_hintText->setSelectable(false);
  m_hintText->setVisible(false);
  for (QCPItemPosition* position : {m_hintArrow->start, m_hintArrow->end, m_hintText->position})
    position->setType(QCPItemPosition::ptAbsolute);
  applyLook();
}

void LandscapeMarkers::applyLook() {
  const auto style = [](QCPScatterStyle::ScatterShape shape, const QColor& color, double width,
                        double size) {
    return QCPScatterStyle(shape, QPen(color, scaledWidth(width)), Qt::NoBrush, scaledWidth(size));
  };
  m_minimaHalo->setScatterStyle(style(QCPScatterStyle::ssStar, kMarkerHalo, 4.0, 15));
  m_minima->setScatterStyle(style(QCPScatterStyle::ssStar, Qt::white, 1.6, 15));
  m_startHalo->setScatterStyle(style(QCPScatterStyle::ssCrossCircle, kMarkerHalo, 4.0, 16));
  m_startMarker->setScatterStyle(style(QCPScatterStyle::ssCrossCircle, Qt::white, 1.8, 16));
  m_hover->setScatterStyle(style(QCPScatterStyle::ssCircle, Qt::white, 2.0, 15));
  m_hintArrow->setPen(QPen(Qt::white, scaledWidth(2.5)));
}

void LandscapeMarkers::updateStartHint() {
  const QRectF rect = m_axisRect->rect();
  const QPointF start = toPixel(m_start);
  const bool outside = m_startMarker->visible() && std::isfinite(start.x()) &&
                       std::isfinite(start.y()) && rect.width() > 40 && rect.height() > 40 &&
                       !rect.contains(start);
  m_hintArrow->setVisible(outside);
  m_hintText->setVisible(outside);
  if (!outside) return;
  // Along the line from the map's center to the start, the arrow ends just inside the edge.
  constexpr double kInset = 10.0, kLength = 44.0;
  constexpr double kFar = std::numeric_limits<double>::infinity();
  const QPointF center = rect.center();
  const QPointF direction = start - center;
  const double reachX =
      direction.x() == 0.0 ? kFar : (rect.width() / 2 - kInset) / std::abs(direction.x());
  const double reachY =
      direction.y() == 0.0 ? kFar : (rect.height() / 2 - kInset) / std::abs(direction.y());
  const QPointF head = center + direction * std::min(reachX, reachY);
  const QPointF unit = direction / std::hypot(direction.x(), direction.y());
  const QPointF tail = head - unit * kLength;
  m_hintArrow->start->setCoords(tail);
  m_hintArrow->end->setCoords(head);
  m_hintText->position->setCoords(tail - unit * 12.0);
  m_hintText->setText(
      QStringLiteral("start (%1, %2)").arg(m_start.x(), 0, 'g', 4).arg(m_start.y(), 0, 'g', 4));
}

void LandscapeMarkers::setMinima(std::vector<Minimum> minima) {
  m_minimaPoints = std::move(minima);
  m_minima->data()->clear();
  m_minimaHalo->data()->clear();
  double t = 0.0;
  for (const Minimum& minimum : m_minimaPoints) {
    if (minimum.point.size() != 2) continue;
    m_minimaHalo->addData(t, minimum.point[0], minimum.point[1]);
    m_minima->addData(t, minimum.point[0], minimum.point[1]);
    t += 1.0;
  }
}

void LandscapeMarkers::setStart(const Eigen::Vector2d& start) {
  m_start = start;
  for (QCPCurve* curve : {m_startHalo, m_startMarker}) {
    curve->data()->clear();
    curve->addData(0.0, start.x(), start.y());
  }
}

void LandscapeMarkers::setStartVisible(bool visible) {
  m_startHalo->setVisible(visible);
  m_startMarker->setVisible(visible);
}

void LandscapeMarkers::setHover(std::optional<Eigen::Vector2d> point) {
  m_hover->data()->clear();
  if (point) m_hover->addData(0.0, point->x(), point->y());
}

QPointF LandscapeMarkers::toPixel(const Eigen::VectorXd& point) const {
  return {m_axisRect->axis(QCPAxis::atBottom)->coordToPixel(point[0]),
          m_axisRect->axis(QCPAxis::atLeft)->coordToPixel(point[1])};
}

bool LandscapeMarkers::isNearStart(QPointF pixel, double radius) const {
  if (!m_startMarker->visible()) return false;
  const QPointF delta = toPixel(m_start) - pixel;
  return std::hypot(delta.x(), delta.y()) <= radius;
}

std::optional<Minimum> LandscapeMarkers::minimumNear(QPointF pixel, double radius) const {
  std::optional<Minimum> best;
  double bestDistance = radius;
  for (const Minimum& minimum : m_minimaPoints) {
    if (minimum.point.size() != 2) continue;
    const QPointF delta = toPixel(minimum.point) - pixel;
    const double distance = std::hypot(delta.x(), delta.y());
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = minimum;
    }
  }
  return best;
}

}  // namespace optiscope::ui

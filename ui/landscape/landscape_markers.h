#pragma once

#include <Eigen/Core>
#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

#include "core/objectives/objective.h"

class QCustomPlot;
class QCPAxisRect;
class QCPCurve;
class QCPItemLine;
class QCPItemText;

namespace optiscope::ui {

// The landscape's markers: the global minima (stars), the shared start point (a ringed
// cross that can be dragged) and a ring around the hovered path point. White over a dark
// halo, so they read on every color of the heatmap. A start outside the view is pointed at
// by an arrow at the edge of the map, towards it.
class LandscapeMarkers {
 public:
  LandscapeMarkers(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& minimaLayer,
                   const QString& startLayer);

  void setMinima(std::vector<Minimum> minima);
  void setStart(const Eigen::Vector2d& start);
  void setStartVisible(bool visible);
  void setHover(std::optional<Eigen::Vector2d> point);
  // Places (or hides) the arrow towards a start outside the view; call after the view or
  // its layout changed.
  void updateStartHint();
  // Pens and sizes as the presentation look has them (presentation_look.h).
  void applyLook();
  // The arrow (visible only while the start is off the map).
  QCPItemLine* startHint() const { return m_hintArrow; }

  const Eigen::Vector2d& start() const { return m_start; }
  bool isNearStart(QPointF pixel, double radius) const;
  // The global minimum drawn nearest to `pixel`, within `radius` pixels.
  std::optional<Minimum> minimumNear(QPointF pixel, double radius) const;

 private:
  QPointF toPixel(const Eigen::VectorXd& point) const;

  QCPAxisRect* m_axisRect;
  QCPCurve* m_minimaHalo;
  QCPCurve* m_minima;
  QCPCurve* m_startHalo;
  QCPCurve* m_startMarker;
  QCPCurve* m_hover;
  QCPItemLine* m_hintArrow;
  QCPItemText* m_hintText;
  std::vector<Minimum> m_minimaPoints;
  Eigen::Vector2d m_start = Eigen::Vector2d::Zero();
};

}  // namespace optiscope::ui

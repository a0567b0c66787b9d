#pragma once

#include <qcustomplot.h>

#include <memory>

#include "core/landscape/landscape_result.h"

namespace optiscope::ui {

// Draws the contour lines of a LandscapeResult. One layerable for all lines, rather than one
// QCPCurve per polyline: a result has hundreds of polylines, and plottables cost per object
// (legend, selection, layout) while this costs per point.
class LandscapeContourLayer : public QCPLayerable {
  Q_OBJECT
 public:
  LandscapeContourLayer(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer);

  void setResult(std::shared_ptr<const LandscapeResult> result);
  void setPen(const QPen& pen) { m_pen = pen; }
  std::size_t pointCount() const { return m_pointCount; }

 protected:
  QRect clipRect() const override;
  void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
  void draw(QCPPainter* painter) override;

 private:
  QPointer<QCPAxisRect> m_axisRect;
  std::shared_ptr<const LandscapeResult> m_result;
  std::size_t m_pointCount = 0;
  QPen m_pen;
  QPolygonF m_scratch;  // reused across frames
};

}  // namespace optiscope::ui

#pragma once

#include <qcustomplot.h>

#include <Eigen/Core>
#include <QColor>
#include <vector>

namespace optiscope::ui {

// Draws every run's path: a line in the run's color cased in a dark halo, so that it reads on
// every color of the heatmap. Qt's raster engine strokes lines wider than one pixel through
// its general path stroker, about twenty times slower per segment than its one-pixel line
// rasterizer (measured: 15 ms against 0.7 ms for 2000 points of 2 px lines with a 4 px halo).
// So the wide line is built from one-pixel polylines drawn at small offsets: a few fast
// passes instead of one slow one, which keeps a frame within budget while runs race.
class TrajectoryPathLayer : public QCPLayerable {
  Q_OBJECT
 public:
  struct Path {
    QColor color;
    const std::vector<Eigen::Vector2d>* points = nullptr;  // function coordinates, in order
  };

  TrajectoryPathLayer(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer);

  // The paths to draw, bottom first; the pointed-to points must live until the next call.
  void setPaths(std::vector<Path> paths) { m_paths = std::move(paths); }

 protected:
  QRect clipRect() const override;
  void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
  void draw(QCPPainter* painter) override;

 private:
  void drawWithOffsets(QCPPainter* painter, const QPolygonF& line, const QColor& color,
                       std::initializer_list<QPointF> offsets);

  QPointer<QCPAxisRect> m_axisRect;
  std::vector<Path> m_paths;
  QPolygonF m_pixels;  // reused across frames
  QPolygonF m_shifted;
};

}  // namespace optiscope::ui

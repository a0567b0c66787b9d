#pragma once

#include <qcustomplot.h>

#include <Eigen/Core>
#include <QColor>
#include <optional>
#include <vector>

#include "ui/landscape/growing_path.h"

namespace optiscope::ui {

// Draws every run's path: a line in the run's color cased in a dark halo, so that it reads on
// every color of the heatmap. Qt's raster engine strokes lines wider than one pixel through
// its general path stroker, about twenty times slower per segment than its one-pixel line
// rasterizer (measured: 15 ms against 0.7 ms for 2000 points of 2 px lines with a 4 px halo).
// So the wide line is built from one-pixel polylines drawn at small offsets: a few fast
// passes instead of one slow one, which keeps a frame within budget while runs race.
//
// While runs race, their paths only grow: paintGrowth() adds the new segments onto the
// layer's buffer as it stands, rather than drawing every path again each frame.
class TrajectoryPathLayer : public QCPLayerable {
  Q_OBJECT
 public:
  // The dark casing under every path (presentation_look.h decides how opaque).
  static QColor haloColor();

  // What of a path is on the layer's buffer; kept by this layer.
  struct Painted {
    std::size_t settled = 0;  // how many of the path's settled points
    // Where the line painted last ended (the path's newest point then), if it was painted.
    std::optional<QPointF> newest;
  };
  struct Path {
    QColor color;
    const GrowingPath* path = nullptr;
    Painted* painted = nullptr;
  };

  TrajectoryPathLayer(QCustomPlot* plot, QCPAxisRect* axisRect, const QString& layer);

  // The paths to draw, bottom first; what they point to must live until the next call.
  void setPaths(std::vector<Path> paths) { m_paths = std::move(paths); }
  // Paints onto the layer's buffer what the paths gained since they were last painted; false
  // (nothing painted) when the layer must be replotted instead.
  bool paintGrowth();

 protected:
  QRect clipRect() const override;
  void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
  void draw(QCPPainter* painter) override;

 private:
  void drawWithOffsets(QCPPainter* painter, const QPolygonF& line, const QColor& color,
                       std::initializer_list<QPointF> offsets);
  // Draws points [from, end) of `points` as a cased line, split where a point is not finite.
  // Returns the pixel of the last point, if any.
  std::optional<QPointF> drawPath(QCPPainter* painter, const std::vector<Eigen::Vector2d>& points,
                                  std::size_t from, const QColor& color);
  // Strokes m_pixels as a cased line, then empties it.
  void strokeCased(QCPPainter* painter, const QColor& color);

  QPointer<QCPAxisRect> m_axisRect;
  std::vector<Path> m_paths;
  QPolygonF m_pixels;  // reused across frames
  QPolygonF m_shifted;
};

}  // namespace optiscope::ui

#include "ui/common/plot_access.h"

namespace optiscope::ui {
namespace {

// A pointer to a protected member, formed in a derived class, may be used on any object of
// the base class: the standard way to reach these without changing QCustomPlot.
struct PlotAccess : QCustomPlot {
  static void relayout(QCustomPlot& plot) { (plot.*(&PlotAccess::updateLayout))(); }
  static QBrush backgroundBrush(QCustomPlot& plot) { return plot.*(&PlotAccess::mBackgroundBrush); }
  static bool hasInvalidatedBuffers(QCustomPlot& plot) {
    return (plot.*(&PlotAccess::hasInvalidatedPaintBuffers))();
  }
};

struct LayerAccess : QCPLayer {
  static QSharedPointer<QCPAbstractPaintBuffer> buffer(QCPLayer& layer) {
    return (layer.*(&LayerAccess::mPaintBuffer)).toStrongRef();
  }
};

}  // namespace

void relayout(QCustomPlot& plot) { PlotAccess::relayout(plot); }

QBrush backgroundBrush(QCustomPlot& plot) { return PlotAccess::backgroundBrush(plot); }

bool paintOntoLayer(QCPLayer& layer, const std::function<void(QCPPainter&)>& paint) {
  QCustomPlot& plot = *layer.parentPlot();
  if (layer.mode() != QCPLayer::lmBuffered || PlotAccess::hasInvalidatedBuffers(plot)) return false;
  const QSharedPointer<QCPAbstractPaintBuffer> buffer = LayerAccess::buffer(layer);
  if (!buffer) return false;
  QCPPainter* painter = buffer->startPainting();
  if (!painter) return false;
  if (painter->isActive()) paint(*painter);
  delete painter;
  buffer->donePainting();
  plot.update();
  return true;
}

}  // namespace optiscope::ui

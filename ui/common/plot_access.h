#pragma once

#include <qcustomplot.h>

#include <functional>

namespace optiscope::ui {

// What QCustomPlot keeps protected but a plot's owner needs: running its layout phases alone
// (after ticks were chosen for a stale axis length), and painting onto a buffered layer
// without clearing it (a path that grows adds only its new segments).

// The brush the plot fills its background with (QCustomPlot has a setter only).
QBrush backgroundBrush(QCustomPlot& plot);

// QCustomPlot::updateLayout(): ticks, margins and geometry, without drawing.
void relayout(QCustomPlot& plot);

// Paints onto `layer`'s buffer as it is (lmBuffered layers only) with `paint`, then asks the
// widget to show it. False, having painted nothing, when the plot must replot first (its
// buffers were resized or invalidated): the caller then replots the layer.
bool paintOntoLayer(QCPLayer& layer, const std::function<void(QCPPainter&)>& paint);

}  // namespace optiscope::ui

#pragma once

#include <QPalette>

class QCustomPlot;

namespace optiscope::ui {

// Gives a QCustomPlot the palette's colors (background, axes, labels, grid, legend), so plots
// match the light or dark window around them. Call again on QEvent::PaletteChange.
void applyPalette(QCustomPlot& plot, const QPalette& palette);

}  // namespace optiscope::ui

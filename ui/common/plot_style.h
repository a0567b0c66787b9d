#pragma once

#include <QFont>
#include <QPalette>

class QCPAxis;
class QCustomPlot;

namespace optiscope::ui {

// Gives a QCustomPlot the palette's colors (background, axes, labels, grid, legend) and the
// plot's own font for its labels, so plots match the light or dark window around them and grow
// with the presentation's larger fonts. Call again on QEvent::PaletteChange.
void applyPalette(QCustomPlot& plot, const QPalette& palette);
// The same for one axis (a color scale's, which is outside the plot's axis rects).
void styleAxis(QCPAxis& axis, const QPalette& palette, const QFont& font);

}  // namespace optiscope::ui

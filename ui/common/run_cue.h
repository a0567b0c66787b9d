#pragma once

#include <qcustomplot.h>

#include <QColor>
#include <QPen>

namespace optiscope::ui {

// A run's cues besides its color, so that color is never the only thing that tells runs apart
// (a colour-blind student, a grayscale printout): a marker shape, drawn at a run's head on the
// landscape, along its curves, in the legends and as its swatch in the runs list, and a dash
// pattern for plots that show one curve per run. Both follow from the run's color: the k-th
// color of the run palette (run_palette.h) has the k-th shape and pattern, so they travel with
// the color in experiment files; a color of the user's own picks them by a hash of the color.
constexpr int kRunCues = 8;
int runCueIndex(const QColor& color);
QCPScatterStyle::ScatterShape runMarker(const QColor& color);
// The run's marker filled with its color, outlined by `outline`, `size` pixels across.
QCPScatterStyle runMarkerStyle(const QColor& color, const QColor& outline, double size);
// `pen` with the run's dash pattern (the first run's is solid).
QPen withRunDash(QPen pen, const QColor& color);

}  // namespace optiscope::ui

#pragma once

#include <QColor>

namespace optiscope::ui {

// Colors with one meaning throughout: run k has the same color in the landscape, the legend,
// the loss plot and the learning-rate plot. Okabe–Ito's palette stays distinguishable for
// color-blind viewers and on projectors, in light and dark themes.
QColor runColor(int index);

}  // namespace optiscope::ui

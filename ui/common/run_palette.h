#pragma once

#include <QColor>

namespace optiscope::ui {

// Colors with one meaning throughout: run k has the same color in the landscape, the legend,
// the loss plot and the learning-rate plot. Okabe–Ito's palette stays distinguishable for
// color-blind viewers and on projectors, in light and dark themes.
QColor runColor(int index);

// WCAG's contrast ratio of two colors (1 to 21; text wants at least 3 for bold titles).
double contrastRatio(const QColor& a, const QColor& b);
// `color` for text on `background`: as it is where it reads (contrast >= 1.5), else darkened
// on a light background (lightened on a dark one) until its contrast is 3. A run's yellow
// title stays yellowish on the light theme and its swatch keeps the true color.
QColor readableOn(const QColor& color, const QColor& background);
// `color` moved towards black on a light background (white on a dark one) by the smallest step
// that gives at least `contrast` against it; hue and saturation stay. As it is when it has.
QColor withContrast(const QColor& color, const QColor& background, double contrast);

}  // namespace optiscope::ui

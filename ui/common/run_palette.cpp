#include "ui/common/run_palette.h"

#include <array>
#include <cmath>

#include "core/experiment/default_scenes.h"

namespace optiscope::ui {

QColor runColor(int index) {
  return QColor(QString::fromStdString(defaultRunColor(static_cast<std::size_t>(index))));
}

namespace {

// Below this a title is hard to read at all (yellow on white: 1.2); such colors are darkened
// to kReadableContrast. Colors above it keep their exact hue as the run's identity.
constexpr double kTooFaint = 1.5;
constexpr double kReadableContrast = 3.0;

double channel(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const QColor& color) {
  return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
         0.0722 * channel(color.blueF());
}

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& color, const QColor& background) {
  if (contrastRatio(color, background) >= kTooFaint) return color;
  return withContrast(color, background, kReadableContrast);
}

QColor withContrast(const QColor& color, const QColor& background, double contrast) {
  if (contrastRatio(color, background) >= contrast) return color;
  const bool lightBackground = luminance(background) > 0.5;
  const QColor target = lightBackground ? QColor(Qt::black) : QColor(Qt::white);
  // The smallest step towards black (or white) that reads; hue and saturation stay.
  for (int percent = 5; percent <= 100; percent += 5) {
    const double t = percent / 100.0;
    const QColor mixed = QColor::fromRgbF(
        static_cast<float>(color.redF() + (target.redF() - color.redF()) * t),
        static_cast<float>(color.greenF() + (target.greenF() - color.greenF()) * t),
        static_cast<float>(color.blueF() + (target.blueF() - color.blueF()) * t));
    if (contrastRatio(mixed, background) >= contrast) return mixed;
  }
  return target;
}

}  // namespace optiscope::ui

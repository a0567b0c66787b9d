#include "ui/network/network_colors.h"

#include <algorithm>
#include <cmath>

namespace optiscope::ui {
namespace {

QRgb mix(const QColor& from, const QColor& to, double t) {
  const auto lerp = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return qRgb(lerp(from.red(), to.red()), lerp(from.green(), to.green()),
              lerp(from.blue(), to.blue()));
}

template <class ColorAt>
QImage imageOf(int resolution, ColorAt colorAt) {
  QImage image(resolution, resolution, QImage::Format_RGB32);
  for (int iy = 0; iy < resolution; ++iy) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(resolution - 1 - iy));
    for (int ix = 0; ix < resolution; ++ix) line[ix] = colorAt(Eigen::Index(iy) * resolution + ix);
  }
  return image;
}

}  // namespace

QColor positiveColor() { return QColor(0x08, 0x77, 0xbd); }
QColor negativeColor() { return QColor(0xf5, 0x93, 0x22); }

QColor classColor(int classIndex) {
  if (classIndex == 0) return negativeColor();
  if (classIndex == 1) return positiveColor();
  // Further classes: hues away from orange (≈30°) and blue (≈205°).
  static const int hues[] = {285, 130, 345, 60, 175, 250, 10, 100, 320, 155, 225, 45, 300, 85};
  const int hue = hues[(classIndex - 2) % std::size(hues)];
  return QColor::fromHsv(hue, 200, 190);
}

QRgb divergingColor(double value) {
  if (!std::isfinite(value)) return qRgb(128, 128, 128);
  const double v = std::clamp(value, -1.0, 1.0);
  return v >= 0 ? mix(Qt::white, positiveColor(), v) : mix(Qt::white, negativeColor(), -v);
}

QImage decisionImage(const DecisionGrid& grid) {
  const Eigen::MatrixXd& out = grid.outputs;
  switch (grid.loss) {
    case Loss::BinaryCrossEntropy:
      return imageOf(grid.resolution,
                     [&](Eigen::Index p) { return divergingColor(2.0 * out(0, p) - 1.0); });
    case Loss::SquaredError:
      return imageOf(grid.resolution, [&](Eigen::Index p) { return divergingColor(out(0, p)); });
    case Loss::SoftmaxCrossEntropy:
      break;
  }
  const double chance = 1.0 / static_cast<double>(out.rows());
  return imageOf(grid.resolution, [&](Eigen::Index p) {
    Eigen::Index best = 0;
    const double top = out.col(p).maxCoeff(&best);
    // Confidence from chance (white) to certain (full class color).
    const double confidence = std::isfinite(top) ? (top - chance) / (1.0 - chance) : 0.0;
    return mix(Qt::white, classColor(static_cast<int>(best)), std::clamp(confidence, 0.0, 1.0));
  });
}

QImage neuronImage(const DecisionGrid& grid, size_t hiddenLayer, Eigen::Index neuron,
                   Activation activation) {
  const Eigen::MatrixXd& values = grid.neurons.at(hiddenLayer);
  const bool unitRange = activation == Activation::Sigmoid;
  return imageOf(grid.resolution, [&](Eigen::Index p) {
    const double v = values(neuron, p);
    return divergingColor(unitRange ? 2.0 * v - 1.0 : v);
  });
}

}  // namespace optiscope::ui

#include "ui/common/colour_vision.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace optiscope::ui {
namespace colour_vision {

using Matrix = std::array<std::array<float, 3>, 3>;

// Machado et al. (2009), table for severity 1.0; rows give linear R, G, B as seen.
const Matrix& matrixOf(ColourVision vision) {
  static const Matrix identity = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
  static const Matrix protanopia = {{{0.152286f, 1.052583f, -0.204868f},
                                     {0.114503f, 0.786281f, 0.099216f},
                                     {-0.003882f, -0.048116f, 1.051998f}}};
  static const Matrix deuteranopia = {{{0.367322f, 0.860646f, -0.227968f},
                                       {0.280085f, 0.672501f, 0.047413f},
                                       {-0.011820f, 0.042940f, 0.968881f}}};
  static const Matrix tritanopia = {{{1.255528f, -0.076749f, -0.178779f},
                                     {-0.078411f, 0.930809f, 0.147602f},
                                     {0.004733f, 0.691367f, 0.303900f}}};
  switch (vision) {
    case ColourVision::Protanopia:
      return protanopia;
    case ColourVision::Deuteranopia:
      return deuteranopia;
    case ColourVision::Tritanopia:
      return tritanopia;
    default:
      return identity;
  }
}

// sRGB's transfer curve both ways, as tables: 8-bit to linear, and linear in 4096 steps back.
constexpr int kLinearSteps = 4096;

const std::array<float, 256>& toLinear() {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      t[i] = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
    return t;
  }();
  return table;
}

const std::array<unsigned char, kLinearSteps + 1>& fromLinear() {
  static const std::array<unsigned char, kLinearSteps + 1> table = [] {
    std::array<unsigned char, kLinearSteps + 1> t{};
    for (int i = 0; i <= kLinearSteps; ++i) {
      const double l = static_cast<double>(i) / kLinearSteps;
      const double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      t[i] = static_cast<unsigned char>(std::lround(std::clamp(c, 0.0, 1.0) * 255));
    }
    return t;
  }();
  return table;
}

unsigned char encode(float linear) {
  const float clamped = std::clamp(linear, 0.0f, 1.0f);
  return fromLinear()[static_cast<int>(clamped * kLinearSteps + 0.5f)];
}

QRgb seen(QRgb pixel, const Matrix& m) {
  const auto& linear = toLinear();
  const float r = linear[qRed(pixel)], g = linear[qGreen(pixel)], b = linear[qBlue(pixel)];
  return qRgba(encode(m[0][0] * r + m[0][1] * g + m[0][2] * b),
               encode(m[1][0] * r + m[1][1] * g + m[1][2] * b),
               encode(m[2][0] * r + m[2][1] * g + m[2][2] * b), qAlpha(pixel));
}

}  // namespace colour_vision

QString colourVisionName(ColourVision vision) {
  switch (vision) {
    case ColourVision::Protanopia:
      return QStringLiteral("Protanopia");
    case ColourVision::Deuteranopia:
      return QStringLiteral("Deuteranopia");
    case ColourVision::Tritanopia:
      return QStringLiteral("Tritanopia");
    default:
      return QStringLiteral("Normal");
  }
}

QColor simulated(const QColor& color, ColourVision vision) {
  return QColor::fromRgba(colour_vision::seen(color.rgba(), colour_vision::matrixOf(vision)));
}

void simulate(QImage& image, ColourVision vision) {
  if (vision == ColourVision::Normal) return;
  // Premultiplied pixels would need unpremultiplying; the window's pixels are opaque anyway.
  if (image.format() != QImage::Format_ARGB32 && image.format() != QImage::Format_RGB32)
    image = image.convertToFormat(QImage::Format_ARGB32);
  const colour_vision::Matrix& m = colour_vision::matrixOf(vision);
  for (int y = 0; y < image.height(); ++y) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
    for (int x = 0; x < image.width(); ++x) line[x] = colour_vision::seen(line[x], m);
  }
}

}  // namespace optiscope::ui

#pragma once

#include <QImage>
#include <QList>
#include <QVector>
#include <array>
#include <cstdint>
#include <vector>

namespace optiscope::ui {

// One palette for every frame of an animation, so that a heatmap keeps its colors from frame
// to frame instead of shimmering as per-frame palettes would make it. Median cut over the
// colors of sample frames (5 bits per channel), then every color maps to its nearest palette
// entry through a lookup table: deterministic, and fast enough for hundreds of frames.
class SharedPalette {
 public:
  // Up to `colors` (2..256) entries chosen from the pixels of `samples`.
  SharedPalette(const QList<QImage>& samples, int colors = 256);

  const QVector<QRgb>& colors() const { return m_colors; }
  // `image` (any format, alpha ignored) as palette indices, row by row.
  std::vector<std::uint8_t> indices(const QImage& image) const;

 private:
  static int binOf(QRgb color) {
    return ((qRed(color) >> 3) << 10) | ((qGreen(color) >> 3) << 5) | (qBlue(color) >> 3);
  }

  QVector<QRgb> m_colors;
  std::vector<std::uint8_t> m_nearest;  // per 15-bit color bin
};

}  // namespace optiscope::ui

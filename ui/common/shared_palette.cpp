#include "ui/common/shared_palette.h"

#include <algorithm>
#include <limits>

namespace optiscope::ui {

namespace shared_palette_impl {

constexpr int kBins = 1 << 15;

struct Bin {
  long long count = 0;
  double r = 0, g = 0, b = 0;  // sums, for the mean color of the pixels in the bin
};

int channel(int bin, int which) { return (bin >> (10 - 5 * which)) & 31; }

// A box of bins in the median cut.
struct Box {
  std::vector<int> bins;
  long long count = 0;
  int widest = 0;  // channel with the largest extent
  int extent = 0;

  void measure(const std::vector<Bin>& histogram) {
    count = 0;
    int low[3] = {31, 31, 31}, high[3] = {0, 0, 0};
    for (int bin : bins) {
      count += histogram[static_cast<std::size_t>(bin)].count;
      for (int c = 0; c < 3; ++c) {
        low[c] = std::min(low[c], channel(bin, c));
        high[c] = std::max(high[c], channel(bin, c));
      }
    }
    extent = -1;
    for (int c = 0; c < 3; ++c)
      if (high[c] - low[c] > extent) {
        extent = high[c] - low[c];
        widest = c;
      }
  }
};

}  // namespace shared_palette_impl

using namespace shared_palette_impl;

SharedPalette::SharedPalette(const QList<QImage>& samples, int colors) {
  colors = std::clamp(colors, 2, 256);
  std::vector<Bin> histogram(kBins);
  for (const QImage& sample : samples) {
    const QImage image = sample.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
      const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
      for (int x = 0; x < image.width(); ++x) {
        Bin& bin = histogram[static_cast<std::size_t>(binOf(row[x]))];
        ++bin.count;
        bin.r += qRed(row[x]);
        bin.g += qGreen(row[x]);
        bin.b += qBlue(row[x]);
      }
    }
  }
  std::vector<Box> boxes(1);
  for (int bin = 0; bin < kBins; ++bin)
    if (histogram[static_cast<std::size_t>(bin)].count > 0) boxes[0].bins.push_back(bin);
  boxes[0].measure(histogram);
  // Split the box that has the most pixels and can still be split, at its median along its
  // widest channel, until there are enough boxes.
  while (static_cast<int>(boxes.size()) < colors) {
    int pick = -1;
    for (int i = 0; i < static_cast<int>(boxes.size()); ++i)
      if (boxes[static_cast<std::size_t>(i)].bins.size() > 1 &&
          (pick < 0 ||
           boxes[static_cast<std::size_t>(i)].count > boxes[static_cast<std::size_t>(pick)].count))
        pick = i;
    if (pick < 0) break;
    Box& box = boxes[static_cast<std::size_t>(pick)];
    const int c = box.widest;
    std::stable_sort(box.bins.begin(), box.bins.end(),
                     [c](int a, int b) { return channel(a, c) < channel(b, c); });
    long long seen = 0;
    std::size_t cut = 1;
    for (; cut < box.bins.size(); ++cut) {
      seen += histogram[static_cast<std::size_t>(box.bins[cut - 1])].count;
      if (2 * seen >= box.count) break;
    }
    cut = std::clamp<std::size_t>(cut, 1, box.bins.size() - 1);
    Box upper;
    upper.bins.assign(box.bins.begin() + static_cast<std::ptrdiff_t>(cut), box.bins.end());
    box.bins.resize(cut);
    box.measure(histogram);
    upper.measure(histogram);
    boxes.push_back(std::move(upper));
  }
  for (const Box& box : boxes) {
    double r = 0, g = 0, b = 0;
    long long count = 0;
    for (int bin : box.bins) {
      const Bin& h = histogram[static_cast<std::size_t>(bin)];
      r += h.r;
      g += h.g;
      b += h.b;
      count += h.count;
    }
    if (count == 0) continue;
    m_colors.append(qRgb(static_cast<int>(r / count + 0.5), static_cast<int>(g / count + 0.5),
                         static_cast<int>(b / count + 0.5)));
  }
  if (m_colors.isEmpty()) m_colors.append(qRgb(0, 0, 0));
  // Nearest entry for every bin, measured from the bin's center.
  m_nearest.resize(kBins);
  for (int bin = 0; bin < kBins; ++bin) {
    const int r = channel(bin, 0) * 8 + 4, g = channel(bin, 1) * 8 + 4, b = channel(bin, 2) * 8 + 4;
    int best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (int i = 0; i < m_colors.size(); ++i) {
      const int dr = qRed(m_colors[i]) - r, dg = qGreen(m_colors[i]) - g,
                db = qBlue(m_colors[i]) - b;
      const int distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    m_nearest[static_cast<std::size_t>(bin)] = static_cast<std::uint8_t>(best);
  }
}

std::vector<std::uint8_t> SharedPalette::indices(const QImage& image) const {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(rgb.width()) *
                                static_cast<std::size_t>(rgb.height()));
  std::size_t at = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const auto* row = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x)
      out[at++] = m_nearest[static_cast<std::size_t>(binOf(row[x]))];
  }
  return out;
}

}  // namespace optiscope::ui

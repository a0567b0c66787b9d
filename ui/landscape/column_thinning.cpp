#include "ui/landscape/column_thinning.h"

#include <algorithm>
#include <cmath>

namespace optiscope::ui {

std::vector<std::size_t> thinByPixelColumn(const std::vector<double>& pixelX,
                                           const std::vector<double>& values) {
  std::vector<std::size_t> kept;
  const std::size_t n = std::min(pixelX.size(), values.size());
  std::size_t i = 0;
  while (i < n) {
    if (std::isnan(values[i]) || std::isnan(pixelX[i])) {
      ++i;
      continue;
    }
    const double column = std::floor(pixelX[i]);
    std::size_t first = i, last = i, low = i, high = i;
    for (++i; i < n && std::floor(pixelX[i]) == column; ++i) {
      if (std::isnan(values[i])) continue;
      last = i;
      if (values[i] < values[low]) low = i;
      if (values[i] > values[high]) high = i;
    }
    std::size_t picks[] = {first, low, high, last};
    std::sort(std::begin(picks), std::end(picks));
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || picks[k] != picks[k - 1]) kept.push_back(picks[k]);
  }
  return kept;
}

}  // namespace optiscope::ui

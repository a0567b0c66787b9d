#pragma once

#include <cstddef>
#include <vector>

namespace optiscope::ui {

// Thins a curve in pixel space for drawing: of the points falling into one pixel column it keeps
// the first, the lowest, the highest and the last, in their original order. The drawn polyline
// covers exactly the same pixels per column, yet a curve of any length costs at most four points
// per column. `pixelX` must be non-decreasing (a curve against step); NaN values are skipped.
std::vector<std::size_t> thinByPixelColumn(const std::vector<double>& pixelX,
                                           const std::vector<double>& values);

}  // namespace optiscope::ui

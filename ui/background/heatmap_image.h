#pragma once

#include <memory>
#include <optional>

#include "core/landscape/landscape_result.h"

class QCPColorMapData;

namespace optiscope::ui {

// The colors of one LandscapeResult, ready for QCPColorMap. Building it touches every cell
// (a log per cell on a log scale), so it is built off the GUI thread.
struct HeatmapImage {
  std::shared_ptr<const LandscapeResult> result;
  bool logColors = false;
  bool spansDecades = false;  // the grid's own verdict (landscape_color_mode.h)
  std::unique_ptr<QCPColorMapData> data;
  double low = 0.0, high = 1.0;  // color range, in the map's values
  ~HeatmapImage();
};

// `logColors` nullopt: decide from the grid (spansDecades).
std::shared_ptr<HeatmapImage> buildHeatmapImage(std::shared_ptr<const LandscapeResult> result,
                                                std::optional<bool> logColors);

}  // namespace optiscope::ui

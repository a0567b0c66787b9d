#include "ui/background/heatmap_image.h"

#include <qcustomplot.h>

#include <cmath>
#include <utility>

#include "core/landscape/contour_levels.h"
#include "ui/background/landscape_color_mode.h"

namespace optiscope::ui {

HeatmapImage::~HeatmapImage() = default;

std::shared_ptr<HeatmapImage> buildHeatmapImage(std::shared_ptr<const LandscapeResult> result,
                                                std::optional<bool> logColors) {
  auto image = std::make_shared<HeatmapImage>();
  const Grid& grid = result->grid;
  const GridSpec& spec = grid.spec;
  image->spansDecades = spansDecades(grid, result->floor);
  image->logColors = logColors.value_or(image->spansDecades);
  image->data = std::make_unique<QCPColorMapData>(spec.nx, spec.ny, QCPRange(spec.xMin, spec.xMax),
                                                  QCPRange(spec.yMin, spec.yMax));
  const auto color = [&](double f) {
    return image->logColors ? logColorValue(f, result->floor, result->logOffset) : f;
  };
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) image->data->setCell(i, j, color(grid.at(i, j)));
  image->low = color(grid.min);
  image->high = color(grid.max);
  if (!(image->low < image->high)) {  // flat or undefined: any non-empty range will do
    image->low = std::isfinite(image->low) ? image->low - 0.5 : 0.0;
    image->high = image->low + 1.0;
  }
  image->result = std::move(result);
  return image;
}

}  // namespace optiscope::ui

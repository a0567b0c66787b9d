#include "core/landscape/landscape_result.h"

namespace optiscope {

namespace {

bool isCancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

}  // namespace

std::unique_ptr<LandscapeResult> computeLandscape(const Objective& objective, const GridSpec& spec,
                                                  int levelCount, LevelSpacing spacing,
                                                  const std::atomic<bool>* cancel) {
  auto result = std::make_unique<LandscapeResult>();
  result->grid = evaluateGrid(objective, spec, cancel);
  if (isCancelled(cancel)) return nullptr;
  result->floor = levelFloor(objective.minimumValue(), result->grid);
  result->logOffset = logOffset(result->grid, result->floor);
  const std::vector<double> levels =
      contourLevels(result->grid, result->floor, levelCount, spacing);
  result->contours.reserve(levels.size());
  for (double level : levels) {
    if (isCancelled(cancel)) return nullptr;
    result->contours.push_back({level, contourLines(result->grid, level)});
  }
  return result;
}

}  // namespace optiscope

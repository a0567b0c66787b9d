#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/landscape/contour_levels.h"
#include "core/landscape/grid.h"
#include "core/landscape/marching_squares.h"
#include "core/objectives/objective.h"

namespace optiscope {

enum class Resolution { kCoarse, kFine };

struct ContourSet {
  double level;
  std::vector<Polyline> lines;
};

// Everything a landscape view draws for one view box: the heatmap grid, the contour lines,
// and the floor and offset of the log color scale (logColorValue(f, floor, logOffset)), which
// are the ones the logarithmic levels were computed with.
struct LandscapeResult {
  std::uint64_t generation = 0;  // the LandscapeJob request it answers; 0 outside a job
  Resolution resolution = Resolution::kFine;
  Grid grid;
  double floor = 0.0;
  double logOffset = 0.0;
  std::vector<ContourSet> contours;  // by increasing level
};

// Grid, levels and contour lines in one go, on the calling thread. Returns nullptr as soon as
// `cancel` is seen set (polled per grid row and per contour level).
std::unique_ptr<LandscapeResult> computeLandscape(const Objective& objective, const GridSpec& spec,
                                                  int levelCount, LevelSpacing spacing,
                                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace optiscope

#include "core/landscape/contour_levels.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optiscope {

namespace {

// Keeps the candidates that are strictly inside the data range and strictly above their
// predecessor: adding a large floor back can round neighbouring heights to the same f.
std::vector<double> insideAndIncreasing(const std::vector<double>& candidates, const Grid& grid) {
  std::vector<double> levels;
  levels.reserve(candidates.size());
  for (double level : candidates) {
    if (!(level > grid.min && level < grid.max)) continue;
    if (!levels.empty() && !(level > levels.back())) continue;
    levels.push_back(level);
  }
  return levels;
}

}  // namespace

double levelFloor(double knownMinimum, const Grid& grid) {
  if (!std::isfinite(knownMinimum)) return grid.min;
  if (std::isnan(grid.min)) return knownMinimum;
  return std::min(knownMinimum, grid.min);
}

double logOffset(const Grid& grid, double floor) { return kLogOffsetFraction * (grid.max - floor); }

std::vector<double> logLevels(const Grid& grid, double floor, int count) {
  const double top = grid.max - floor;
  if (count <= 0 || !std::isfinite(floor) || !(top > 0.0)) return {};
  const double bottom = std::max(grid.min - floor, logOffset(grid, floor));
  if (!(bottom < top)) return {};
  const double logRatio = std::log(top / bottom);
  std::vector<double> candidates;
  candidates.reserve(count);
  for (int k = 1; k <= count; ++k) {
    candidates.push_back(floor + bottom * std::exp(logRatio * k / (count + 1)));
  }
  return insideAndIncreasing(candidates, grid);
}

std::vector<double> linearLevels(const Grid& grid, int count) {
  if (count <= 0 || !(grid.min < grid.max)) return {};
  std::vector<double> candidates;
  candidates.reserve(count);
  for (int k = 1; k <= count; ++k) {
    candidates.push_back(grid.min + (grid.max - grid.min) * k / (count + 1));
  }
  return insideAndIncreasing(candidates, grid);
}

std::vector<double> contourLevels(const Grid& grid, double floor, int count, LevelSpacing spacing) {
  return spacing == LevelSpacing::kLogarithmic ? logLevels(grid, floor, count)
                                               : linearLevels(grid, count);
}

double logColorValue(double f, double floor, double offset) {
  if (std::isnan(f)) return std::numeric_limits<double>::quiet_NaN();
  return std::log10(std::max(f - floor, 0.0) + offset);
}

}  // namespace optiscope

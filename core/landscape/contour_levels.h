#pragma once

#include <vector>

#include "core/landscape/grid.h"

namespace optiscope {

// Test functions span many decades (Rosenbrock: 0 in the valley, ~2500 at the corners of its
// view), so evenly spaced levels would all crowd the walls and leave the valley blank.
// Logarithmic spacing works on the height above a floor, h = f − floor, which is >= 0 even for
// functions with negative values (Styblinski–Tang, Easom, six-hump camel).
enum class LevelSpacing { kLogarithmic, kLinear };

// log10(0) is −∞, so h gets a small positive offset before the log. It is relative to the
// height of the view, span = grid.max − floor: a fixed absolute offset would make the picture
// depend on the function's units and go flat when the user zooms in; a relative one makes the
// picture scale-invariant (zooming into x² looks the same at every zoom). 1e-5 gives five
// decades of levels below the top, enough to resolve Rosenbrock's and Beale's valley floors
// without spending levels on numerical noise around the minimum.
inline constexpr double kLogOffsetFraction = 1e-5;

// The floor that heights are measured from: the function's known global minimum value
// (Objective::minimumValue(), NaN if unknown) when it is finite, else the grid minimum (e.g.
// for a saddle). Never above the grid minimum, because published minimum values are rounded
// (Styblinski–Tang's −78.332 lies slightly above its true minimum) and h must not go negative.
double levelFloor(double knownMinimum, const Grid& grid);

// kLogOffsetFraction · (grid.max − floor); NaN if the grid has no finite values.
double logOffset(const Grid& grid, double floor);

// `count` levels in f, strictly increasing and strictly inside (grid.min, grid.max), with
// heights f − floor in constant ratio: a geometric sequence from max(grid.min − floor, offset)
// to grid.max − floor, both ends excluded (a level at an extreme would only touch single
// points). Fewer (possibly none) when the grid is flat, empty or rounding merges levels.
std::vector<double> logLevels(const Grid& grid, double floor, int count);

// `count` evenly spaced levels strictly inside (grid.min, grid.max).
std::vector<double> linearLevels(const Grid& grid, int count);

// Dispatches on `spacing`; `floor` is used by the logarithmic spacing only.
std::vector<double> contourLevels(const Grid& grid, double floor, int count, LevelSpacing spacing);

// The value a log color scale shows for f: log10(max(f − floor, 0) + offset), finite for every
// finite f (the clamp absorbs rounding below the floor). Use the same floor and offset as the
// contour levels (logOffset) so colors and lines agree. NaN stays NaN.
double logColorValue(double f, double floor, double offset);

}  // namespace optiscope

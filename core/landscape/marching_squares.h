#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/landscape/grid.h"

namespace optiscope {

// Points in function coordinates (x, y). A closed line ends with an exact copy of its first
// point, so `front() == back()` tells closed from open.
using Polyline = std::vector<Eigen::Vector2d>;

// The level set f = level of a grid, by marching squares (Lorensen & Cline's 2D analogue):
//  - a corner counts as above when f >= level; each cell edge whose corners disagree is cut at
//    the linearly interpolated crossing;
//  - the two saddle cases (diagonal corners above) are resolved by the average of the four
//    corners, the bilinear value at the cell centre: if it is above, the above corners are
//    joined through the cell, otherwise they are separated;
//  - cells with a NaN corner produce nothing, so lines end at the border of undefined regions;
//  - segments are chained into polylines through the grid edges they share (by edge index, not
//    by comparing coordinates), so joining is exact. Every line is oriented with the higher
//    values on its right; it is closed, or it ends on the grid border or at a NaN cell.
// A level outside [grid.min, grid.max] (or NaN) gives no lines.
std::vector<Polyline> contourLines(const Grid& grid, double level);

}  // namespace optiscope

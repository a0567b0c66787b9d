#pragma once

#include <vector>

#include "core/landscape/grid.h"
#include "core/landscape/marching_squares.h"

namespace optiscope::testing {

bool isClosed(const Polyline& line);
double length(const Polyline& line);
// Shoelace formula; positive for a counter-clockwise closed line.
double signedArea(const Polyline& line);

// Grid edges whose two ends are defined and on different sides of the level (f >= level counts
// as above): exactly the points a complete contour must pass through.
int crossedEdgeCount(const Grid& grid, double level);
// Points of all lines, closing duplicates not counted.
int distinctPointCount(const std::vector<Polyline>& lines);

// Fails the running test if two segments of the lines cross (touching ends is allowed).
void checkNoCrossings(const std::vector<Polyline>& lines);
// Fails the running test if an open line ends anywhere but on the grid border or next to an
// undefined (NaN) grid value.
void checkOpenEndsAreTerminal(const Grid& grid, const std::vector<Polyline>& lines);

}  // namespace optiscope::testing

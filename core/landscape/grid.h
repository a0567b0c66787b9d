#pragma once

#include <atomic>
#include <cstddef>
#include <limits>
#include <vector>

#include "core/objectives/objective.h"

namespace optiscope {

// A rectangular lattice over [xMin, xMax] x [yMin, yMax] whose points are the CORNERS of the
// cells, not their centres: x_i = xMin + i·dx with dx = (xMax − xMin)/(nx − 1), i = 0..nx−1
// (likewise y_j). Corners put samples on the view's edges, which is what marching squares
// interpolates between, and make the outermost contour touch the plot border. x(i) and y(j)
// are the one definition every consumer (evaluation, contouring, tests) uses, so the same
// index always means the bit-identical coordinate.
struct GridSpec {
  double xMin, xMax, yMin, yMax;
  int nx, ny;  // points per axis, each >= 2

  double dx() const { return (xMax - xMin) / (nx - 1); }
  double dy() const { return (yMax - yMin) / (ny - 1); }
  double x(int i) const { return xMin + i * dx(); }
  double y(int j) const { return yMin + j * dy(); }
  bool isValid() const;
};

// Function values on a GridSpec, row-major with one row per y: values[j·nx + i] = f(x_i, y_j).
// Non-finite values (overflow, NaN) are stored as NaN and tolerated by every consumer; min and
// max are taken over the finite values only (both NaN if there are none).
struct Grid {
  GridSpec spec;
  std::vector<double> values;
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();

  double at(int i, int j) const { return values[static_cast<std::size_t>(j) * spec.nx + i]; }
};

// Evaluates a 2D objective on every grid point. `cancel` is polled once per row; when it is
// set the function returns at once with the rows done so far (the rest NaN), and the caller is
// expected to discard that partial grid. Throws std::invalid_argument for an invalid spec or
// an objective that is not 2D.
Grid evaluateGrid(const Objective& objective, const GridSpec& spec,
                  const std::atomic<bool>* cancel = nullptr);

}  // namespace optiscope

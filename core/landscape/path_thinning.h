#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <span>
#include <vector>

namespace optiscope {

// Function coordinates to pixels for linear axes: px = xScale·x + xOffset, likewise y. A plot
// builds it from its axis ranges and pixel extents, so thinning adapts to the zoom.
struct PixelTransform {
  double xScale = 1.0, xOffset = 0.0, yScale = 1.0, yOffset = 0.0;

  Eigen::Vector2d operator()(const Eigen::Vector2d& point) const {
    return {xScale * point.x() + xOffset, yScale * point.y() + yOffset};
  }
};

struct ThinningOptions {
  // A point is kept only once it lies this far (in pixels) from the last kept point. Half a
  // pixel is below what antialiased lines can show, so the drawing does not change.
  double minPixelStep = 0.5;
  // The newest points are always kept: the head of a live run is where the eye is.
  std::size_t keepNewest = 32;
};

// The points of a path worth drawing at the current zoom. Writes into `kept` (cleared first)
// the increasing indices of the points to draw:
//  - the first and the last point, and the newest `keepNewest` points;
//  - every point at least minPixelStep pixels away from the previously kept point;
//  - every non-finite point (a diverged run), and the point after it, so a line never
//    bridges the gap.
// Hence every dropped point lies within minPixelStep pixels of a kept point that comes before
// it, and so within that distance of the drawn polyline. One pass, no allocation beyond
// `kept`'s growth: O(n), a few nanoseconds per point.
void thinPath(std::span<const Eigen::Vector2d> points, const PixelTransform& toPixels,
              const ThinningOptions& options, std::vector<std::size_t>& kept);

}  // namespace optiscope

#include "core/landscape/path_thinning.h"

#include <algorithm>

namespace optiscope {

void thinPath(std::span<const Eigen::Vector2d> points, const PixelTransform& toPixels,
              const ThinningOptions& options, std::vector<std::size_t>& kept) {
  kept.clear();
  const std::size_t count = points.size();
  if (count == 0) return;
  // At least the last point, whatever keepNewest says.
  const std::size_t newest = std::clamp<std::size_t>(options.keepNewest, 1, count);
  const std::size_t alwaysFrom = count - newest;
  const double minSquared = options.minPixelStep * options.minPixelStep;

  Eigen::Vector2d lastKept = toPixels(points[0]);
  bool lastKeptFinite = lastKept.allFinite();
  kept.push_back(0);
  for (std::size_t i = 1; i < count; ++i) {
    const Eigen::Vector2d pixel = toPixels(points[i]);
    const bool finite = pixel.allFinite();
    // A NaN distance compares false, so non-finite points are decided before the distance.
    const bool keep = i >= alwaysFrom || !finite || !lastKeptFinite ||
                      (pixel - lastKept).squaredNorm() >= minSquared;
    if (!keep) continue;
    kept.push_back(i);
    lastKept = pixel;
    lastKeptFinite = finite;
  }
}

}  // namespace optiscope

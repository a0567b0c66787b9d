#include "core/landscape/path_thinning.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace optiscope;

namespace {

double distanceToSegment(const Eigen::Vector2d& p, const Eigen::Vector2d& a,
                         const Eigen::Vector2d& b) {
  const Eigen::Vector2d ab = b - a;
  const double lengthSquared = ab.squaredNorm();
  const double t =
      lengthSquared > 0.0 ? std::clamp((p - a).dot(ab) / lengthSquared, 0.0, 1.0) : 0.0;
  return (p - (a + t * ab)).norm();
}

// Pixel distance from every point of `path` to the polyline through the kept points.
double worstDistanceToKeptPolyline(const std::vector<Eigen::Vector2d>& path,
                                   const std::vector<std::size_t>& kept,
                                   const PixelTransform& toPixels) {
  std::vector<Eigen::Vector2d> line;
  for (std::size_t index : kept) line.push_back(toPixels(path[index]));
  double worst = 0.0;
  for (const Eigen::Vector2d& point : path) {
    const Eigen::Vector2d pixel = toPixels(point);
    double nearest = (pixel - line.front()).norm();
    for (std::size_t k = 1; k < line.size(); ++k)
      nearest = std::min(nearest, distanceToSegment(pixel, line[k - 1], line[k]));
    worst = std::max(worst, nearest);
  }
  return worst;
}

// An optimizer-like path: a spiral into a minimum whose steps shrink geometrically, with
// jitter, so it has both long strides and thousands of sub-pixel steps.
std::vector<Eigen::Vector2d> spiralPath(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> jitter(0.0, 1e-3);
  std::vector<Eigen::Vector2d> path;
  path.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i);
    const double radius = 2.0 * std::exp(-t / 300.0);
    path.emplace_back(radius * std::cos(t / 20.0) + jitter(random) * radius,
                      radius * std::sin(t / 20.0) + jitter(random) * radius);
  }
  return path;
}

// A plot of 400 x 400 pixels showing [-2, 2]^2, y growing upwards as on screen.
const PixelTransform kPlot{100.0, 200.0, -100.0, 200.0};

}  // namespace

TEST_CASE("thinning keeps the shape: every dropped point is within a pixel of the drawn line") {
  const std::vector<Eigen::Vector2d> path = spiralPath(5000, 7);
  std::vector<std::size_t> kept;
  thinPath(path, kPlot, {}, kept);

  CHECK(kept.size() < path.size() / 4);  // the tail of the spiral is sub-pixel
  CHECK(kept.size() > 100);              // and the strides at the start are all there
  CHECK(worstDistanceToKeptPolyline(path, kept, kPlot) <= 0.5);
  CHECK(std::is_sorted(kept.begin(), kept.end()));
  CHECK(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
}

TEST_CASE("every kept point except the newest ones moved at least the minimum pixel step") {
  const std::vector<Eigen::Vector2d> path = spiralPath(3000, 11);
  const ThinningOptions options{0.5, 10};
  std::vector<std::size_t> kept;
  thinPath(path, kPlot, options, kept);
  for (std::size_t k = 1; k < kept.size(); ++k) {
    if (kept[k] >= path.size() - options.keepNewest) break;
    CHECK((kPlot(path[kept[k]]) - kPlot(path[kept[k - 1]])).norm() >= 0.5);
  }
}

TEST_CASE("first, last and the newest points are always kept") {
  // A path that never leaves one pixel: only the guaranteed points survive.
  std::vector<Eigen::Vector2d> path;
  for (int i = 0; i < 1000; ++i) path.emplace_back(1e-6 * i, 0.0);
  std::vector<std::size_t> kept;
  thinPath(path, kPlot, {0.5, 5}, kept);
  const std::vector<std::size_t> expected{0, 995, 996, 997, 998, 999};
  CHECK(kept == expected);

  thinPath(path, kPlot, {0.5, 0}, kept);
  CHECK(kept == std::vector<std::size_t>{0, 999});
}

TEST_CASE("zooming in keeps more points: the threshold is in pixels, not in data units") {
  // Steps of 0.001: 0.1 px in the plot, 1 px when zoomed in ten times.
  std::vector<Eigen::Vector2d> path;
  for (int i = 0; i < 1000; ++i) path.emplace_back(-1.0 + 0.001 * i, 0.5);
  const ThinningOptions options{0.5, 1};
  std::vector<std::size_t> wide, zoomed;
  thinPath(path, kPlot, options, wide);
  CHECK(wide.size() == 201);  // every fifth step reaches 0.5 px, plus the last point
  const PixelTransform tenTimes{1000.0, 200.0, -1000.0, 200.0};
  thinPath(path, tenTimes, options, zoomed);
  CHECK(zoomed.size() == path.size());
  CHECK(worstDistanceToKeptPolyline(path, wide, kPlot) <= 0.5);
}

TEST_CASE("non-finite points are kept as breaks and the path resumes after them") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Eigen::Vector2d> path;
  for (int i = 0; i < 100; ++i) path.emplace_back(1e-7 * i, 0.0);
  path.emplace_back(nan, nan);
  for (int i = 0; i < 100; ++i) path.emplace_back(1.0 + 1e-7 * i, 0.0);
  std::vector<std::size_t> kept;
  thinPath(path, kPlot, {0.5, 1}, kept);
  CHECK(kept == std::vector<std::size_t>{0, 100, 101, 200});
}

TEST_CASE("an empty or single-point path") {
  std::vector<std::size_t> kept{42};
  thinPath(std::vector<Eigen::Vector2d>{}, kPlot, {}, kept);
  CHECK(kept.empty());
  thinPath(std::vector<Eigen::Vector2d>{{0.3, 0.4}}, kPlot, {}, kept);
  CHECK(kept == std::vector<std::size_t>{0});
}

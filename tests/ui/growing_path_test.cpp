#include "ui/landscape/growing_path.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/engine/trace.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// A path that circles slowly: many points per pixel, so that thinning leaves most out.
Trace circlingTrace(long long steps) {
  Trace trace(2, TraceLimits::unbounded());
  Eigen::VectorXd params(2), zero = Eigen::VectorXd::Zero(2);
  for (long long k = 0; k < steps; ++k) {
    const double angle = 1e-3 * static_cast<double>(k);
    params << std::cos(angle), std::sin(angle);
    trace.append(k, 0.0, params, zero, zero);
  }
  return trace;
}

// Equal point for point, a pen break (NaN) matching a pen break.
bool same(const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
  return a == b || (!a.allFinite() && !b.allFinite());
}
bool same(const std::vector<Eigen::Vector2d>& a, const std::vector<Eigen::Vector2d>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](const auto& p, const auto& q) { return same(p, q); });
}

}  // namespace

TEST_CASE("compacting a path forgets the points not drawn and changes nothing drawn",
          "[ui][paths]") {
  const Trace trace = circlingTrace(20000);
  const PixelTransform transform{100.0, 200.0, -100.0, 200.0};
  GrowingPath path;
  REQUIRE(path.gather(trace, 1));
  path.rethin(transform);
  const std::vector<Eigen::Vector2d> drawn = path.drawn();
  const std::vector<long long> steps = path.drawnSteps();
  const std::size_t settled = path.settledCount();
  REQUIRE(path.points().size() > 4 * drawn.size());  // most points are not drawn

  path.compact();
  CHECK(same(path.drawn(), drawn));
  CHECK(path.drawnSteps() == steps);
  CHECK(path.settledCount() == settled);
  // What remains: the settled drawn points, then the newest (not yet thinned) as they were.
  CHECK(path.points().size() == drawn.size());
  for (std::size_t k = 0; k < settled; ++k) CHECK(same(path.points()[k], drawn[k]));
  CHECK(path.points().back() == drawn.back());

  // Thinning again for the same view draws the same path; the path goes on growing after it.
  path.rethin(transform);
  CHECK(same(path.drawn(), drawn));
  Trace more = circlingTrace(21000);
  CHECK(path.gather(more, 1));
  path.thinNew();
  CHECK(path.drawnSteps().back() == 20999);
  CHECK(path.drawnSteps().front() == 0);
}

namespace {

// A run that bounces between a few places, as a sign-based optimizer does near a minimum.
Trace bouncingTrace(long long steps) {
  Trace trace(2, TraceLimits::unbounded());
  Eigen::VectorXd params(2), zero = Eigen::VectorXd::Zero(2);
  const double corners[3][2] = {{0.0, 0.0}, {0.1, 0.0}, {0.1, 0.1}};
  for (long long k = 0; k < steps; ++k) {
    const long long c = k < 3 ? k : (k % 2 == 0 ? 1 : 2);  // 0, 1, 2, then 1, 2, 1, 2, ...
    params << corners[c][0], corners[c][1];
    trace.append(k, 0.0, params, zero, zero);
  }
  return trace;
}

}  // namespace

TEST_CASE("a path draws a segment it has drawn once, however often the run goes over it",
          "[ui][paths]") {
  const PixelTransform transform{100.0, 200.0, -100.0, 200.0};  // 0.1 is 10 pixels
  GrowingPath path;
  REQUIRE(path.gather(bouncingTrace(10000), 1));
  path.rethin(transform);
  // 0 -> 1 -> 2 settled once; then the bounce between 1 and 2 adds nothing but the newest.
  CHECK(path.settledCount() == 3);
  CHECK(path.drawn().size() <= 3 + 2 + 32);
  CHECK(path.drawnSteps().back() == 9999);
  // Compacting leaves a few dozen points to work from, not ten thousand.
  path.compact();
  CHECK(path.points().size() <= 3 + 2 + 32);

  // Leaving the bounce draws the new segment from where the run was, after a break.
  Trace trace = bouncingTrace(10000);
  Eigen::VectorXd params(2), zero = Eigen::VectorXd::Zero(2);
  for (long long k = 10000; k < 10040; ++k) {
    params << 0.1 + 0.01 * static_cast<double>(k - 9999), 0.0;
    trace.append(k, 0.0, params, zero, zero);
  }
  REQUIRE(path.gather(trace, 1));
  path.thinNew();
  const auto& drawn = path.drawn();
  const auto left = std::find(drawn.begin(), drawn.end(), Eigen::Vector2d(0.11, 0.0));
  REQUIRE(left - drawn.begin() >= 2);
  // The pen goes down where the run was (step 9999, odd: the third corner), after a break.
  CHECK_FALSE((left - 2)->allFinite());
  CHECK(*(left - 1) == Eigen::Vector2d(0.1, 0.1));
  CHECK(path.drawnSteps().back() == 10039);
  // Steps stay in order through the break.
  CHECK(std::is_sorted(path.drawnSteps().begin(), path.drawnSteps().end()));
}

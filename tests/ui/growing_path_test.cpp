#include "ui/landscape/growing_path.h"

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
  CHECK(path.drawn() == drawn);
  CHECK(path.drawnSteps() == steps);
  CHECK(path.settledCount() == settled);
  // What remains: the settled drawn points, then the newest (not yet thinned) as they were.
  CHECK(path.points().size() == drawn.size());
  for (std::size_t k = 0; k < settled; ++k) CHECK(path.points()[k] == drawn[k]);
  CHECK(path.points().back() == drawn.back());

  // Thinning again for the same view draws the same path; the path goes on growing after it.
  path.rethin(transform);
  CHECK(path.drawn() == drawn);
  Trace more = circlingTrace(21000);
  CHECK(path.gather(more, 1));
  path.thinNew();
  CHECK(path.drawnSteps().back() == 20999);
  CHECK(path.drawnSteps().front() == 0);
}

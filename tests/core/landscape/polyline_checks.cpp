#include "polyline_checks.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <utility>

namespace optiscope::testing {

namespace {

double cross(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& c) {
  const Eigen::Vector2d u = b - a, v = c - a;
  return u.x() * v.y() - u.y() * v.x();
}

bool properlyIntersect(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& c,
                       const Eigen::Vector2d& d) {
  const double abc = cross(a, b, c), abd = cross(a, b, d);
  const double cda = cross(c, d, a), cdb = cross(c, d, b);
  return ((abc > 0 && abd < 0) || (abc < 0 && abd > 0)) &&
         ((cda > 0 && cdb < 0) || (cda < 0 && cdb > 0));
}

bool onBorder(const GridSpec& spec, const Eigen::Vector2d& p) {
  const double tolerance =
      1e-12 * (1.0 + std::abs(spec.xMax - spec.xMin) + std::abs(spec.yMax - spec.yMin));
  return std::abs(p.x() - spec.xMin) <= tolerance || std::abs(p.x() - spec.xMax) <= tolerance ||
         std::abs(p.y() - spec.yMin) <= tolerance || std::abs(p.y() - spec.yMax) <= tolerance;
}

bool nextToUndefined(const Grid& grid, const Eigen::Vector2d& p) {
  const GridSpec& spec = grid.spec;
  const double reach = 1.5 * std::hypot(spec.dx(), spec.dy());
  for (int j = 0; j < spec.ny; ++j) {
    for (int i = 0; i < spec.nx; ++i) {
      if (std::isnan(grid.at(i, j)) && std::hypot(spec.x(i) - p.x(), spec.y(j) - p.y()) <= reach) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool isClosed(const Polyline& line) { return line.size() > 2 && line.front() == line.back(); }

double length(const Polyline& line) {
  double total = 0.0;
  for (std::size_t k = 1; k < line.size(); ++k) total += (line[k] - line[k - 1]).norm();
  return total;
}

double signedArea(const Polyline& line) {
  double twice = 0.0;
  for (std::size_t k = 1; k < line.size(); ++k) {
    twice += line[k - 1].x() * line[k].y() - line[k].x() * line[k - 1].y();
  }
  return 0.5 * twice;
}

int crossedEdgeCount(const Grid& grid, double level) {
  const GridSpec& spec = grid.spec;
  auto crossed = [&](double a, double b) {
    return !std::isnan(a) && !std::isnan(b) && ((a >= level) != (b >= level));
  };
  int count = 0;
  for (int j = 0; j < spec.ny; ++j) {
    for (int i = 0; i < spec.nx; ++i) {
      if (i + 1 < spec.nx && crossed(grid.at(i, j), grid.at(i + 1, j))) ++count;
      if (j + 1 < spec.ny && crossed(grid.at(i, j), grid.at(i, j + 1))) ++count;
    }
  }
  return count;
}

int distinctPointCount(const std::vector<Polyline>& lines) {
  int count = 0;
  for (const Polyline& line : lines) {
    count += static_cast<int>(line.size()) - (isClosed(line) ? 1 : 0);
  }
  return count;
}

void checkNoCrossings(const std::vector<Polyline>& lines) {
  std::vector<std::pair<Eigen::Vector2d, Eigen::Vector2d>> segments;
  for (const Polyline& line : lines) {
    for (std::size_t k = 1; k < line.size(); ++k) segments.emplace_back(line[k - 1], line[k]);
  }
  int crossings = 0;
  for (std::size_t a = 0; a < segments.size(); ++a) {
    for (std::size_t b = a + 1; b < segments.size(); ++b) {
      if (properlyIntersect(segments[a].first, segments[a].second, segments[b].first,
                            segments[b].second)) {
        ++crossings;
      }
    }
  }
  CHECK(crossings == 0);
}

void checkOpenEndsAreTerminal(const Grid& grid, const std::vector<Polyline>& lines) {
  for (const Polyline& line : lines) {
    REQUIRE(line.size() >= 2);
    if (isClosed(line)) continue;
    for (const Eigen::Vector2d& end : {line.front(), line.back()}) {
      INFO("open line ends at (" << end.x() << ", " << end.y() << ")");
      CHECK((onBorder(grid.spec, end) || nextToUndefined(grid, end)));
    }
  }
}

}  // namespace optiscope::testing

#include "core/landscape/marching_squares.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <unordered_map>

namespace optiscope {

namespace {

// Grid edges are numbered from their lower-left grid point p = j·nx + i: 2p for the edge to
// the right, 2p + 1 for the edge upwards. A crossing is identified by its edge, which both
// neighbouring cells name identically.
using EdgeId = std::int64_t;

struct Segment {
  EdgeId from, to;
};

bool isAbove(double value, double level) { return value >= level; }

EdgeId rightwardEdge(const GridSpec& spec, int i, int j) {
  return 2 * (static_cast<EdgeId>(j) * spec.nx + i);
}

EdgeId upwardEdge(const GridSpec& spec, int i, int j) { return rightwardEdge(spec, i, j) + 1; }

Eigen::Vector2d crossingPoint(const Grid& grid, double level, EdgeId edge) {
  const GridSpec& spec = grid.spec;
  const EdgeId start = edge / 2;
  const int i = static_cast<int>(start % spec.nx);
  const int j = static_cast<int>(start / spec.nx);
  const bool upward = edge % 2 == 1;
  const int iEnd = upward ? i : i + 1;
  const int jEnd = upward ? j + 1 : j;
  const double a = grid.at(i, j);
  const double t = (level - a) / (grid.at(iEnd, jEnd) - a);
  const double x0 = spec.x(i), y0 = spec.y(j);
  return {x0 + t * (spec.x(iEnd) - x0), y0 + t * (spec.y(jEnd) - y0)};
}

// Walking the cell's boundary counter-clockwise, a crossing is "rising" where the walk goes
// from below to above. Each segment runs from a rising crossing to a falling one, which puts
// the higher values on its right; a shared edge is rising for one cell and falling for the
// other, so every edge starts at most one segment and ends at most one.
void appendCellSegments(const Grid& grid, double level, int i, int j,
                        std::vector<Segment>& segments) {
  const double corner[4] = {grid.at(i, j), grid.at(i + 1, j), grid.at(i + 1, j + 1),
                            grid.at(i, j + 1)};
  bool above[4];
  int aboveCount = 0;
  for (int k = 0; k < 4; ++k) {
    if (std::isnan(corner[k])) return;
    above[k] = isAbove(corner[k], level);
    aboveCount += above[k] ? 1 : 0;
  }
  if (aboveCount == 0 || aboveCount == 4) return;

  // Edge k joins corner k to corner k + 1 (mod 4): bottom, right, top, left.
  const GridSpec& spec = grid.spec;
  const EdgeId edge[4] = {rightwardEdge(spec, i, j), upwardEdge(spec, i + 1, j),
                          rightwardEdge(spec, i, j + 1), upwardEdge(spec, i, j)};
  EdgeId crossing[4];
  bool rising[4];
  int count = 0;
  for (int k = 0; k < 4; ++k) {
    const bool nextAbove = above[(k + 1) % 4];
    if (above[k] == nextAbove) continue;
    crossing[count] = edge[k];
    rising[count] = nextAbove;
    ++count;
  }
  // Rising and falling crossings alternate. With four (a saddle), an above centre connects the
  // above corners, so each rising crossing pairs with the falling one just before it, cutting
  // off a below corner; a below centre pairs it with the one just after. With two crossings
  // both rules give the same pair.
  const bool centreAbove = isAbove(0.25 * (corner[0] + corner[1] + corner[2] + corner[3]), level);
  for (int m = 0; m < count; ++m) {
    if (!rising[m]) continue;
    const int partner = centreAbove ? (m + count - 1) % count : (m + 1) % count;
    segments.push_back({crossing[m], crossing[partner]});
  }
}

std::vector<Polyline> chainSegments(const Grid& grid, double level,
                                    const std::vector<Segment>& segments) {
  const int n = static_cast<int>(segments.size());
  std::unordered_map<EdgeId, int> startingAt;
  startingAt.reserve(segments.size());
  for (int s = 0; s < n; ++s) startingAt.emplace(segments[s].from, s);

  std::vector<int> next(n, -1);
  std::vector<char> hasPrevious(n, 0);
  for (int s = 0; s < n; ++s) {
    const auto found = startingAt.find(segments[s].to);
    if (found == startingAt.end()) continue;
    next[s] = found->second;
    hasPrevious[found->second] = 1;
  }

  std::vector<char> used(n, 0);
  std::vector<Polyline> lines;
  // A closed walk returns to its first edge, whose crossing is recomputed bit-identically, so
  // closed lines end with an exact copy of their first point.
  auto follow = [&](int first) {
    Polyline line{crossingPoint(grid, level, segments[first].from)};
    for (int s = first; s != -1 && !used[s]; s = next[s]) {
      used[s] = 1;
      line.push_back(crossingPoint(grid, level, segments[s].to));
    }
    lines.push_back(std::move(line));
  };
  for (int s = 0; s < n; ++s) {
    if (!hasPrevious[s]) follow(s);
  }
  for (int s = 0; s < n; ++s) {
    if (!used[s]) follow(s);
  }
  return lines;
}

}  // namespace

std::vector<Polyline> contourLines(const Grid& grid, double level) {
  const GridSpec& spec = grid.spec;
  if (!spec.isValid() || grid.values.size() != static_cast<std::size_t>(spec.nx) * spec.ny) {
    throw std::invalid_argument("contourLines needs a valid grid with nx·ny values");
  }
  if (!(level >= grid.min && level <= grid.max)) return {};
  std::vector<Segment> segments;
  for (int j = 0; j + 1 < spec.ny; ++j) {
    const double* below = grid.values.data() + static_cast<std::size_t>(j) * spec.nx;
    const double* above = below + spec.nx;
    for (int i = 0; i + 1 < spec.nx; ++i) {
      // Most cells lie wholly on one side. NaN compares false, i.e. "below", so a cell counted
      // as all above has no NaN corner and one counted as all below has nothing to draw.
      const int aboveCount = (below[i] >= level) + (below[i + 1] >= level) + (above[i] >= level) +
                             (above[i + 1] >= level);
      if (aboveCount == 0 || aboveCount == 4) continue;
      appendCellSegments(grid, level, i, j, segments);
    }
  }
  return chainSegments(grid, level, segments);
}

}  // namespace optiscope

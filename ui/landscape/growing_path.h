#pragma once

#include <Eigen/Core>
#include <QPointF>
#include <cstddef>
#include <vector>

#include "core/landscape/path_thinning.h"
#include "ui/landscape/segment_set.h"

namespace optiscope {
class Trace;
}

namespace optiscope::ui {

// One run's path as drawn on the landscape, built up as the run goes: the points gathered
// from its trace and the ones worth drawing at the current zoom (at least half a pixel apart,
// as thinPath keeps them, and always the newest 32). A segment already drawn is not drawn
// again: the path lifts the pen (a non-finite point in drawn(), as where a run diverged) and
// puts it down where the line goes on somewhere new, so a run that oscillates over the same
// few pixels keeps a drawing of the size of what it covers, not of how long it ran.
// While the run races and the view stays, a frame adds only the points made since the last
// one: no work grows with the run's length. A new zoom (or a path grown far past what the
// trace keeps) thins everything afresh.
class GrowingPath {
 public:
  // Forgets every point.
  void clear();
  // Room for `points` gathered points without moving them (keeps what is there).
  void reserve(std::size_t points) {
    m_points.reserve(points);
    m_steps.reserve(points);
  }
  // Takes the trace's points newer than the newest taken (all of them after clear() or for a
  // new generation). Returns whether any point was added.
  bool gather(const Trace& trace, long long generation);
  // Thins every point for `transform` (a new zoom, or a redraw from scratch).
  void rethin(const PixelTransform& transform);
  // Thins the points gathered since the last thinning, for the same transform.
  void thinNew();
  // Forgets the gathered points that the thinning left out, keeping what is drawn (and the
  // newest, not yet thinned) as they are: memory bounded without drawing anything again. A
  // later rethin() has only these points to work from.
  void compact();
  const PixelTransform& transform() const { return m_transform; }

  bool empty() const { return m_points.empty(); }
  long long generation() const { return m_generation; }
  const std::vector<Eigen::Vector2d>& points() const { return m_points; }
  // The points to draw, in order, with their steps and pixels (the newest point always last).
  // A non-finite point lifts the pen: no line to it or from it (where a run diverged, and
  // before a segment that goes on from where an already drawn stretch was left).
  const std::vector<Eigen::Vector2d>& drawn() const { return m_drawn; }
  const std::vector<long long>& drawnSteps() const { return m_drawnSteps; }
  const std::vector<QPointF>& drawnPixels() const { return m_drawnPixels; }
  // How many of drawn() are settled (past them, the newest points may still be thinned out).
  std::size_t settledCount() const { return m_settled; }

 private:
  void keep(std::size_t index, const Eigen::Vector2d& pixel);
  void liftPen(std::size_t beforeIndex);
  void resetPen();
  void showNewest();

  std::vector<Eigen::Vector2d> m_points;
  std::vector<long long> m_steps;
  long long m_generation = -1;
  std::size_t m_thinnedUpTo = 0;  // points before this index have been thinned
  PixelTransform m_transform;
  // Where the line is (the last point kept, or passed over on an already drawn segment).
  Eigen::Vector2d m_penPixel = Eigen::Vector2d::Zero();
  bool m_penFinite = false;
  // The point the line was last passed over to, if it was not kept: where to put the pen down
  // when the line leaves the drawn segments.
  std::size_t m_passedOver = 0;
  bool m_penLifted = false;
  SegmentSet m_segments;  // of the settled drawn points, at the current transform
  std::vector<Eigen::Vector2d> m_drawn;
  std::vector<long long> m_drawnSteps;
  std::vector<QPointF> m_drawnPixels;
  std::size_t m_settled = 0;
};

}  // namespace optiscope::ui

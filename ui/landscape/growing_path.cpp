#include "ui/landscape/growing_path.h"

#include <algorithm>
#include <limits>

#include "core/engine/trace.h"

namespace optiscope::ui {

namespace {

// As thinPath: half a pixel is below what antialiased lines can show, and the newest points
// are all drawn (the head of a live run is where the eye is, and where the mouse hovers).
constexpr double kMinPixelStep = ThinningOptions{}.minPixelStep;
constexpr std::size_t kKeepNewest = ThinningOptions{}.keepNewest;

const Eigen::Vector2d kPenUp(std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::quiet_NaN());

}  // namespace

void GrowingPath::clear() {
  m_points.clear();
  m_steps.clear();
  m_generation = -1;
  m_thinnedUpTo = 0;
  m_drawn.clear();
  m_drawnSteps.clear();
  m_drawnPixels.clear();
  m_settled = 0;
  resetPen();
}

void GrowingPath::resetPen() {
  m_penFinite = false;
  m_penLifted = false;
  m_segments.clear();
}

bool GrowingPath::gather(const Trace& trace, long long generation) {
  if (generation != m_generation) clear();
  m_generation = generation;
  const long long newest = m_steps.empty() ? -1 : m_steps.back();
  // The first kept point past the newest taken: the trace thins only its older points, so
  // the ones after it are all still there.
  std::size_t low = 0, high = trace.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (trace[middle].step > newest)
      high = middle;
    else
      low = middle + 1;
  }
  if (low == trace.size()) return false;
  trace.forEach(
      [&](const TracePoint& point) {
        m_points.emplace_back(point.params[0], point.params[1]);
        m_steps.push_back(point.step);
      },
      low);
  return true;
}

void GrowingPath::keep(std::size_t index, const Eigen::Vector2d& pixel) {
  m_drawn.push_back(m_points[index]);
  m_drawnSteps.push_back(m_steps[index]);
  m_drawnPixels.emplace_back(pixel.x(), pixel.y());
  m_penPixel = pixel;
  m_penFinite = pixel.allFinite();
}

void GrowingPath::liftPen(std::size_t beforeIndex) {
  // The break takes the step of the point after it, so drawnSteps() stays in order.
  m_drawn.push_back(kPenUp);
  m_drawnSteps.push_back(m_steps[beforeIndex]);
  m_drawnPixels.emplace_back(kPenUp.x(), kPenUp.y());
}

void GrowingPath::rethin(const PixelTransform& transform) {
  m_transform = transform;
  m_thinnedUpTo = 0;
  m_drawn.clear();
  m_drawnSteps.clear();
  m_drawnPixels.clear();
  m_settled = 0;
  resetPen();
  thinNew();
}

void GrowingPath::thinNew() {
  // The newest point was drawn provisionally (it may not have been kept on its own merit).
  if (m_drawn.size() > m_settled) {
    m_drawn.resize(m_settled);
    m_drawnSteps.resize(m_settled);
    m_drawnPixels.resize(m_settled);
  }
  const double minSquared = kMinPixelStep * kMinPixelStep;
  const std::size_t settleUpTo =
      std::max(m_thinnedUpTo, m_points.size() > kKeepNewest ? m_points.size() - kKeepNewest : 0);
  for (std::size_t i = m_thinnedUpTo; i < settleUpTo; ++i) {
    const Eigen::Vector2d pixel = m_transform(m_points[i]);
    // The first point; a non-finite point and the one after it (a line never bridges a
    // diverged stretch, or a lifted pen).
    if (m_drawn.empty() || !pixel.allFinite() || !m_penFinite) {
      m_penLifted = false;
      keep(i, pixel);
      continue;
    }
    // Within half a pixel of where the line is: nothing an antialiased line can show.
    if ((pixel - m_penPixel).squaredNorm() < minSquared) continue;
    if (!m_segments.insert(m_penPixel, pixel)) {
      // Drawn already: pass over it with the pen up.
      m_penPixel = pixel;
      m_passedOver = i;
      m_penLifted = true;
      continue;
    }
    if (m_penLifted) {
      // The line leaves the drawn segments: put the pen down where it was passed over to.
      liftPen(m_passedOver);
      keep(m_passedOver, m_penPixel);
      m_penLifted = false;
    }
    keep(i, pixel);
  }
  m_thinnedUpTo = settleUpTo;
  m_settled = m_drawn.size();
  showNewest();
}

void GrowingPath::compact() {
  // The settled drawn points (and pen breaks) take the place of the thinned points. If the
  // pen is up, a break and the point it was passed over to follow them (the line goes on from
  // there, and not from the last point drawn), not yet thinned. Then the unthinned rest, as
  // it was. There are usually far fewer drawn than thinned points, but a break adds entries,
  // so the rest may have to move either way. Capacity stays, so nothing is allocated.
  const Eigen::Vector2d passedOverPoint = m_penLifted ? m_points[m_passedOver] : kPenUp;
  const long long passedOverStep = m_penLifted ? m_steps[m_passedOver] : 0;
  const auto kept = static_cast<std::ptrdiff_t>(m_settled);
  const auto head = kept + (m_penLifted ? 2 : 0);
  const auto rest = static_cast<std::ptrdiff_t>(m_thinnedUpTo);
  const auto restCount = static_cast<std::ptrdiff_t>(m_points.size()) - rest;
  const auto newSize = static_cast<std::size_t>(head + restCount);
  if (head <= rest) {
    std::copy(m_points.begin() + rest, m_points.end(), m_points.begin() + head);
    std::copy(m_steps.begin() + rest, m_steps.end(), m_steps.begin() + head);
    m_points.resize(newSize);
    m_steps.resize(newSize);
  } else {
    m_points.resize(newSize);
    m_steps.resize(newSize);
    std::move_backward(m_points.begin() + rest, m_points.begin() + rest + restCount,
                       m_points.end());
    std::move_backward(m_steps.begin() + rest, m_steps.begin() + rest + restCount, m_steps.end());
  }
  std::copy(m_drawn.begin(), m_drawn.begin() + kept, m_points.begin());
  std::copy(m_drawnSteps.begin(), m_drawnSteps.begin() + kept, m_steps.begin());
  if (m_penLifted) {
    const auto at = static_cast<std::size_t>(kept);
    m_points[at] = kPenUp;
    m_steps[at] = passedOverStep;
    m_points[at + 1] = passedOverPoint;
    m_steps[at + 1] = passedOverStep;
    m_penLifted = false;  // the break is in the points now
  }
  m_thinnedUpTo = m_settled;
}

void GrowingPath::showNewest() {
  // The newest points, drawn provisionally: the next thinning settles the older of them. If
  // the line was passed over to somewhere, it goes on from there.
  if (m_penLifted && m_thinnedUpTo < m_points.size()) {
    liftPen(m_passedOver);
    m_drawn.push_back(m_points[m_passedOver]);
    m_drawnSteps.push_back(m_steps[m_passedOver]);
    m_drawnPixels.emplace_back(m_penPixel.x(), m_penPixel.y());
  }
  for (std::size_t i = m_thinnedUpTo; i < m_points.size(); ++i) {
    const Eigen::Vector2d pixel = m_transform(m_points[i]);
    m_drawn.push_back(m_points[i]);
    m_drawnSteps.push_back(m_steps[i]);
    m_drawnPixels.emplace_back(pixel.x(), pixel.y());
  }
}

}  // namespace optiscope::ui

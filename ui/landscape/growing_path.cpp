#include "ui/landscape/growing_path.h"

#include <algorithm>

#include "core/engine/trace.h"

namespace optiscope::ui {

namespace {

// As thinPath: half a pixel is below what antialiased lines can show, and the newest points
// are all drawn (the head of a live run is where the eye is, and where the mouse hovers).
constexpr double kMinPixelStep = 0.5;
constexpr std::size_t kKeepNewest = 32;

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
  m_lastKeptPixel = pixel;
  m_lastKeptFinite = pixel.allFinite();
}

void GrowingPath::rethin(const PixelTransform& transform) {
  m_transform = transform;
  m_thinnedUpTo = 0;
  m_drawn.clear();
  m_drawnSteps.clear();
  m_drawnPixels.clear();
  m_settled = 0;
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
    const bool finite = pixel.allFinite();
    // The first point; a non-finite point and the one after it (a line never bridges a
    // diverged stretch); and every point half a pixel from the last one kept.
    if (m_drawn.empty() || !finite || !m_lastKeptFinite ||
        (pixel - m_lastKeptPixel).squaredNorm() >= minSquared)
      keep(i, pixel);
  }
  m_thinnedUpTo = settleUpTo;
  m_settled = m_drawn.size();
  showNewest();
}

void GrowingPath::compact() {
  // The settled drawn points are a subsequence of m_points, in order, and m_settled <=
  // m_thinnedUpTo: writing them to the front, then the unthinned rest after them, never
  // overwrites a point before it is read. Capacity stays, so nothing is allocated.
  std::copy(m_drawn.begin(), m_drawn.begin() + static_cast<std::ptrdiff_t>(m_settled),
            m_points.begin());
  std::copy(m_drawnSteps.begin(), m_drawnSteps.begin() + static_cast<std::ptrdiff_t>(m_settled),
            m_steps.begin());
  const auto rest = static_cast<std::ptrdiff_t>(m_thinnedUpTo);
  const auto kept = static_cast<std::ptrdiff_t>(m_settled);
  m_points.erase(std::copy(m_points.begin() + rest, m_points.end(), m_points.begin() + kept),
                 m_points.end());
  m_steps.erase(std::copy(m_steps.begin() + rest, m_steps.end(), m_steps.begin() + kept),
                m_steps.end());
  m_thinnedUpTo = m_settled;
}

void GrowingPath::showNewest() {
  // The newest points, drawn provisionally: the next thinning settles the older of them.
  for (std::size_t i = m_thinnedUpTo; i < m_points.size(); ++i) {
    const Eigen::Vector2d pixel = m_transform(m_points[i]);
    m_drawn.push_back(m_points[i]);
    m_drawnSteps.push_back(m_steps[i]);
    m_drawnPixels.emplace_back(pixel.x(), pixel.y());
  }
}

}  // namespace optiscope::ui

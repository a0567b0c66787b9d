#include "ui/landscape/segment_set.h"

#include <cmath>
#include <optional>
#include <utility>

namespace optiscope::ui {

namespace {

// Beyond this many segments a path is no longer worth the memory (a noisy run never repeats
// a segment): the set starts over, and what it forgets is only drawn once more.
constexpr std::size_t kMaxHeld = 1 << 17;

// A pixel coordinate in half pixels, if it fits in 16 bits.
std::optional<std::uint16_t> halfPixels(double coordinate) {
  const double halves = std::round(coordinate * 2.0);
  if (!(halves >= -32768.0 && halves <= 32767.0)) return std::nullopt;
  return static_cast<std::uint16_t>(static_cast<std::int32_t>(halves) + 32768);
}

std::optional<std::uint32_t> pointKey(const Eigen::Vector2d& p) {
  const auto x = halfPixels(p.x()), y = halfPixels(p.y());
  if (!x || !y) return std::nullopt;
  return (std::uint32_t{*x} << 16) | *y;
}

}  // namespace

bool SegmentSet::insert(const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
  auto from = pointKey(a), to = pointKey(b);
  // Drawn every time, never held: a segment with an end far off the plot, or one within a
  // single half-pixel cell (a smooth curve makes many, and lifting the pen for them would
  // cost more than drawing them).
  if (!from || !to || *from == *to) return true;
  if (*from > *to) std::swap(from, to);
  if (m_keys.size() >= kMaxHeld) m_keys.clear();
  return m_keys.insert((std::uint64_t{*from} << 32) | *to).second;
}

}  // namespace optiscope::ui

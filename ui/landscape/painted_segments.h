#pragma once

#include <QPointF>
#include <cstdint>
#include <unordered_set>

namespace optiscope::ui {

// The segments of one path already on a layer's buffer, at half-pixel precision. A run that
// oscillates (sign-based optimizers such as Lion or Rprop near a minimum, or momentum bouncing
// across a valley) goes over the same few segments thousands of times a second; each would
// cost seven antialiased strokes per frame and change no pixel. Segments with an end far off
// the plot are never held (their rounded ends could not tell them apart).
class PaintedSegments {
 public:
  // False if the segment from a to b (either way round) is held already; else holds it.
  bool insert(QPointF a, QPointF b);
  void clear() { m_keys.clear(); }
  std::size_t size() const { return m_keys.size(); }

 private:
  std::unordered_set<std::uint64_t> m_keys;
};

}  // namespace optiscope::ui

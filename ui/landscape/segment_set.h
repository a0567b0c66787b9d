#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <unordered_set>

namespace optiscope::ui {

// The segments of one path already drawn, at half-pixel precision. A run that oscillates
// (sign-based optimizers such as Lion or Rprop near a minimum, or momentum bouncing across a
// valley) goes over the same few segments thousands of times a second; drawing each again
// changes no pixel, and keeping each would let the path grow without end. Segments with an
// end far off the plot are never held (their rounded ends could not tell them apart), nor
// segments within one half-pixel cell.
class SegmentSet {
 public:
  // False if the segment from pixel a to pixel b (either way round) is held already; else
  // holds it.
  bool insert(const Eigen::Vector2d& a, const Eigen::Vector2d& b);
  void clear() { m_keys.clear(); }
  std::size_t size() const { return m_keys.size(); }

 private:
  std::unordered_set<std::uint64_t> m_keys;
};

}  // namespace optiscope::ui

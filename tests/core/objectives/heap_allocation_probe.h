#pragma once

#include <cstddef>

namespace optiscope::testing {

// Counts malloc-family calls (which operator new and Eigen both end in) while a probe is
// alive. Needed because Eigen's own EIGEN_RUNTIME_NO_MALLOC check is an eigen_assert that
// NDEBUG builds compile out. Sanitizer builds own malloc, so there the probe counts nothing
// and probeWorks() is false.
class HeapAllocationProbe {
 public:
  HeapAllocationProbe();
  ~HeapAllocationProbe();
  HeapAllocationProbe(const HeapAllocationProbe&) = delete;
  HeapAllocationProbe& operator=(const HeapAllocationProbe&) = delete;

  std::size_t allocations() const;
  static bool probeWorks();
};

}  // namespace optiscope::testing

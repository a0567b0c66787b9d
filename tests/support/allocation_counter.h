#pragma once

#include <cstddef>

namespace optiscope::testing {

// Counts heap allocations made while a counter is alive: every global operator new (replaced
// in allocation_counter.cpp) and, outside sanitizer builds, every malloc-family call. malloc
// has to be counted too because Eigen allocates with std::malloc, and its own
// EIGEN_RUNTIME_NO_MALLOC check is an eigen_assert that NDEBUG builds compile out.
// Only programs that use it get the replaced allocation functions (it is a static library).
class AllocationCounter {
 public:
  AllocationCounter();
  ~AllocationCounter();
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;

  std::size_t allocations() const;
  std::size_t count() const { return allocations(); }
  // False in sanitizer builds, where the sanitizer owns malloc and only operator new counts.
  static bool probeWorks();
};

bool countsMalloc();  // the same as AllocationCounter::probeWorks()

// The names the tests were written with; one counter serves them all.
using AllocationCountingScope = AllocationCounter;
using HeapAllocationProbe = AllocationCounter;
using CountAllocations = AllocationCounter;

}  // namespace optiscope::testing

#pragma once

#include <cstddef>

namespace optiscope::testing {

// Counts heap allocations made while a counting scope is active: every global operator new
// (replaced in allocation_counter.cpp) and, outside sanitizer builds, every malloc family call.
// malloc has to be counted too because Eigen allocates with std::malloc, and its own
// EIGEN_RUNTIME_NO_MALLOC check is an eigen_assert that NDEBUG builds compile out.
class AllocationCountingScope {
 public:
  AllocationCountingScope();
  ~AllocationCountingScope();
  AllocationCountingScope(const AllocationCountingScope&) = delete;
  AllocationCountingScope& operator=(const AllocationCountingScope&) = delete;

  std::size_t allocations() const;
};

// False in sanitizer builds, where the sanitizer owns malloc and only operator new is counted.
bool countsMalloc();

}  // namespace optiscope::testing

#pragma once

#include <cstddef>

namespace optiscope::testing {

// Counts calls of the global operator new (std::vector, std::string, make_shared, ...) made
// while a CountAllocations object lives. Eigen allocates with malloc instead; those calls are
// caught by Eigen::internal::set_is_malloc_allowed(false) in builds with assertions.
class CountAllocations {
 public:
  CountAllocations();
  ~CountAllocations();
  CountAllocations(const CountAllocations&) = delete;
  CountAllocations& operator=(const CountAllocations&) = delete;
  std::size_t count() const;
};

}  // namespace optiscope::testing

#include "allocation_counter.h"

#include <Eigen/Core>
#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> g_counting{false};
std::atomic<std::size_t> g_allocations{0};

}  // namespace

void* operator new(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

// Every form that pairs with the deletes below is replaced too: a nothrow or array new left to
// the library (Catch2 uses new (std::nothrow)) would be freed here by a different allocator,
// which AddressSanitizer rightly reports as alloc-dealloc-mismatch.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace optiscope::testing {

CountAllocations::CountAllocations() {
  g_allocations = 0;
  g_counting = true;
  Eigen::internal::set_is_malloc_allowed(false);
}

CountAllocations::~CountAllocations() {
  Eigen::internal::set_is_malloc_allowed(true);
  g_counting = false;
}

std::size_t CountAllocations::count() const { return g_allocations.load(); }

}  // namespace optiscope::testing

#include "heap_allocation_probe.h"

#include <atomic>

namespace {

std::atomic<bool> g_probing{false};
std::atomic<std::size_t> g_allocations{0};

[[maybe_unused]] void note() {
  if (g_probing.load(std::memory_order_relaxed))
    g_allocations.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define OPTISCOPE_PROBE_MALLOC 1
// glibc lets a program interpose malloc; these forward to glibc's own implementation.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);

void* malloc(std::size_t size) noexcept {
  note();
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) noexcept {
  note();
  return __libc_calloc(count, size);
}
void* realloc(void* p, std::size_t size) noexcept {
  note();
  return __libc_realloc(p, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  note();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  note();
  *out = __libc_memalign(alignment, size);
  return *out ? 0 : 12;  // ENOMEM
}
}
#endif

namespace optiscope::testing {

HeapAllocationProbe::HeapAllocationProbe() {
  g_allocations.store(0);
  g_probing.store(true);
}

HeapAllocationProbe::~HeapAllocationProbe() { g_probing.store(false); }

std::size_t HeapAllocationProbe::allocations() const { return g_allocations.load(); }

bool HeapAllocationProbe::probeWorks() {
#ifdef OPTISCOPE_PROBE_MALLOC
  return true;
#else
  return false;
#endif
}

}  // namespace optiscope::testing

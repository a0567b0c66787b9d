#include "heap_usage.h"

#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
// Part of every sanitizer runtime; GCC ships no header declaring it.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#define OPTISCOPE_SANITIZER_ALLOCATOR 1
#endif

namespace optiscope::testing {

std::size_t heapBytesInUse() {
#ifdef OPTISCOPE_SANITIZER_ALLOCATOR
  return __sanitizer_get_current_allocated_bytes();
#else
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
#endif
}

}  // namespace optiscope::testing

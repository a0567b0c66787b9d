#pragma once

#include <cstddef>

namespace optiscope::testing {

// Bytes currently allocated by the whole process (malloc and operator new alike, so Eigen's
// buffers count too): the sanitizer allocator's own figure under ASan/TSan, glibc's otherwise.
std::size_t heapBytesInUse();

}  // namespace optiscope::testing

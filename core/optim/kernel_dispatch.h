#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>

#include "core/util/kernel_attributes.h"

namespace optiscope::kernels {

// How many leading elements to run before the vector loop so that it loads and stores `p` on
// 64-byte (cache-line) boundaries. Eigen's heap vectors are only 16-byte aligned, so without
// this every 64-byte AVX-512 access straddles two cache lines: SGD at n = 1e6 took 410-460 µs
// instead of 335-340 µs. The other arrays usually share p's offset (same allocator path).
inline Eigen::Index alignedHead(const double* p, Eigen::Index n) {
  const auto offset = static_cast<Eigen::Index>(reinterpret_cast<std::uintptr_t>(p) % 64);
  if (offset % 8 != 0) return 0;
  return std::min(n, (64 - offset) % 64 / 8);
}

// out[i] = value for all i, vectorized like the kernels (Eigen's setConstant is built for
// baseline SSE2 and took twice as long as SGD's whole step at n = 1e4).
void fillConstant(Eigen::VectorXd& out, double value);

// A loop that tests a setting (maximize, weight decay, ...) per element does not vectorize, so
// each setting becomes a template parameter: dispatchFlags<Loop>(args, a, b) calls
// Loop::run<a, b>(args). Everything is inlined into the OPTISCOPE_KERNEL function that calls
// it, so every instantiation is compiled for each of its clones' instruction sets.
template <class Loop, bool... kFlags, class Args>
[[gnu::always_inline]] inline void dispatchFlags(const Args& args) {
  Loop::template run<kFlags...>(args);
}

template <class Loop, bool... kFlags, class Args, class... Rest>
[[gnu::always_inline]] inline void dispatchFlags(const Args& args, bool flag, Rest... rest) {
  if (flag) {
    dispatchFlags<Loop, kFlags..., true>(args, rest...);
  } else {
    dispatchFlags<Loop, kFlags..., false>(args, rest...);
  }
}

}  // namespace optiscope::kernels

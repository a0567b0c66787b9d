#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>

// The elementwise optimizer loops are compiled three times and the dynamic loader picks one
// clone for the CPU at hand (GCC function multi-versioning):
//  - "avx512f": 8 doubles per instruction (EVEX fma included). Twice the speed of "fma" at
//    n = 1e4 where sqrt and division bound Adagrad, RMSprop and Adam (bench/compare);
//  - "fma" (AVX2 + FMA): std::fma is one instruction and the loops vectorize;
//  - "default" (baseline x86-64): std::fma is a call into glibc's correctly rounded fma().
// All perform the same IEEE operations in the same order (an fma is exactly rounded either
// way and -ffp-contract=off forbids any other fusion), so torch parity stays bit-exact; only
// the speed differs. Without this, the per-element glibc call kept every step several times
// slower than torch's vectorized kernels.
// Not under sanitizers: the ifunc resolver that picks a clone runs before the sanitizer
// runtime is initialised, and an instrumented resolver crashes the program at load time.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define OPTISCOPE_KERNEL __attribute__((target_clones("avx512f", "fma", "default")))
#else
#define OPTISCOPE_KERNEL
#endif

// Iterations are independent and the arrays never alias: lets the compiler vectorize at -O2
// (needs -fopenmp-simd, which core/CMakeLists.txt sets for optiscope_optim).
#define OPTISCOPE_SIMD _Pragma("omp simd")

// The loop body of a kernel is a lambda run by a short scalar loop and then the vector loop
// (see alignedHead); inlining it into both keeps them one loop each.
#define OPTISCOPE_INLINE_LAMBDA __attribute__((always_inline))

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

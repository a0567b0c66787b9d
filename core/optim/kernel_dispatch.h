#pragma once

// The elementwise optimizer loops are compiled twice and the dynamic loader picks one clone
// for the CPU at hand (GCC function multi-versioning):
//  - "fma" (AVX + FMA): std::fma is one instruction and the loops vectorize;
//  - "default" (baseline x86-64): std::fma is a call into glibc's correctly rounded fma().
// Both perform the same IEEE operations in the same order (an fma is exactly rounded either
// way and -ffp-contract=off forbids any other fusion), so torch parity stays bit-exact; only
// the speed differs. Without this, the per-element glibc call kept every step several times
// slower than torch's vectorized kernels (see bench/compare).
// Not under sanitizers: the ifunc resolver that picks a clone runs before the sanitizer
// runtime is initialised, and an instrumented resolver crashes the program at load time.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define OPTISCOPE_KERNEL __attribute__((target_clones("fma", "default")))
#else
#define OPTISCOPE_KERNEL
#endif

// Iterations are independent and the arrays never alias: lets the compiler vectorize at -O2
// (needs -fopenmp-simd, which core/CMakeLists.txt sets for optiscope_optim).
#define OPTISCOPE_SIMD _Pragma("omp simd")

namespace optiscope::kernels {

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

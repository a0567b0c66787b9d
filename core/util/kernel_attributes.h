#pragma once

// Elementwise loops (the optimizer kernels, the batched objective gradients) are compiled three
// times and the dynamic loader picks one clone for the CPU at hand (GCC function
// multi-versioning):
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
// (needs -fopenmp-simd, which core/CMakeLists.txt sets for the libraries that use it).
#define OPTISCOPE_SIMD _Pragma("omp simd")
// The same for a loop that also sums into `clause`'s variable, e.g. (+ : count).
#define OPTISCOPE_SIMD_REDUCTION(clause) _Pragma(OPTISCOPE_STRINGIFY(omp simd reduction(clause)))
#define OPTISCOPE_STRINGIFY(text) #text

// The loop body of a kernel is a lambda run by a short scalar loop and then the vector loop
// (see alignedHead); inlining it into both keeps them one loop each.
#define OPTISCOPE_INLINE_LAMBDA __attribute__((always_inline))

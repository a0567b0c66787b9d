// Optimizer step time on large vectors, the STREAM-like triad that bounds it, and the growth
// of Adam's step time with n.
#include <Eigen/Core>
#include <cmath>
#include <string>

#include "bench/bench_optimizer_figures.h"
#include "bench/bench_optimizer_timing.h"
#include "core/optim/kernel_dispatch.h"
#include "core/optim/registry.h"

namespace optiscope::bench {
namespace {

// The step of a loss whose gradient changes every step would cost a gradient evaluation
// too; a fixed, nonzero gradient isolates the optimizer's own work, as torch's side does.
// With `readEta`, every step is followed by reading η_eff (which the engine records every
// step; Optimizer computes it on demand).
double secondsPerStep(const std::string& spec, Eigen::Index n, bool readEta = false) {
  auto optimizer = makeOptimizer(spec);
  optimizer->init(n);
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0);
  const Eigen::VectorXd g = Eigen::VectorXd::LinSpaced(n, 0.5, -0.25).array() + 1e-3;
  return bestSecondsPerRepetition([&](long long repetitions) {
    for (long long r = 0; r < repetitions; ++r) {
      optimizer->step(p, g);
      if (readEta) doNotOptimize(optimizer->effectiveLr().data());
    }
    doNotOptimize(p.data());
  });
}

// a = b + s·c with the optimizer kernels' machinery (instruction-set clones, omp simd, stores
// aligned to cache lines), so that the bandwidth it reaches is a fair ceiling for theirs.
OPTISCOPE_KERNEL void triad(Eigen::Index n, double* __restrict a, const double* __restrict b,
                            const double* __restrict c, double s) {
  const Eigen::Index head = kernels::alignedHead(a, n);
  for (Eigen::Index i = 0; i < head; ++i) a[i] = b[i] + s * c[i];
  OPTISCOPE_SIMD
  for (Eigen::Index i = head; i < n; ++i) a[i] = b[i] + s * c[i];
}

}  // namespace

const std::vector<BenchOptimizer>& benchOptimizers() {
  // Bytes each step must move per element: every state vector read and written, p read and
  // written, g read. (η_eff is not written by the step: it is computed when read.)
  static const std::vector<BenchOptimizer> optimizers = {
      {"sgd", "sgd:lr=0.01,momentum=0.9", 5 * 8},
      {"adagrad", "adagrad:lr=0.01", 5 * 8},
      {"rmsprop", "rmsprop:lr=0.01", 5 * 8},
      {"adam", "adam:lr=0.001", 7 * 8},
  };
  return optimizers;
}

void optimizerStepFigures() {
  for (const BenchOptimizer& optimizer : benchOptimizers())
    report("bytes " + optimizer.name, optimizer.bytesPerElement, "B");
  for (const Eigen::Index n : {Eigen::Index{10000}, Eigen::Index{1000000}})
    for (const BenchOptimizer& optimizer : benchOptimizers())
      report("step " + optimizer.name + " n=" + std::to_string(n),
             secondsPerStep(optimizer.spec, n), "s");
  for (const BenchOptimizer& optimizer : benchOptimizers())
    report("step+eta " + optimizer.name + " n=10000", secondsPerStep(optimizer.spec, 10000, true),
           "s");
}

void triadFigure(Eigen::Index n) {
  Eigen::VectorXd a = Eigen::VectorXd::Zero(n);
  const Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(n, 0.0, 1.0);
  const Eigen::VectorXd c = Eigen::VectorXd::LinSpaced(n, 1.0, 2.0);
  const double scalar = 3.0;
  const double seconds = bestSecondsPerRepetition([&](long long repetitions) {
    for (long long r = 0; r < repetitions; ++r) {
      triad(n, a.data(), b.data(), c.data(), scalar);
      doNotOptimize(a.data());
    }
  });
  // STREAM counts two reads and one write per element.
  report("triad n=" + std::to_string(n), 3.0 * 8.0 * static_cast<double>(n) / seconds, "B/s");
}

void scalingFigures() {
  for (Eigen::Index n = 100; n <= 10000000; n *= 10)
    report("scaling adam n=" + std::to_string(n), secondsPerStep("adam:lr=0.001", n), "s");
}

}  // namespace optiscope::bench

// Optimizer step time on large vectors, the STREAM-like triad that bounds it, and the growth
// of Adam's step time with n.
#include <Eigen/Core>
#include <cmath>
#include <string>

#include "bench/bench_optimizer_figures.h"
#include "bench/bench_optimizer_timing.h"
#include "core/optim/registry.h"

namespace optiscope::bench {
namespace {

// The step of a loss whose gradient changes every step would cost a gradient evaluation
// too; a fixed, nonzero gradient isolates the optimizer's own work, as torch's side does.
double secondsPerStep(const std::string& spec, Eigen::Index n) {
  auto optimizer = makeOptimizer(spec);
  optimizer->init(n);
  Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0);
  const Eigen::VectorXd g = Eigen::VectorXd::LinSpaced(n, 0.5, -0.25).array() + 1e-3;
  return bestSecondsPerRepetition([&](long long repetitions) {
    for (long long r = 0; r < repetitions; ++r) optimizer->step(p, g);
    doNotOptimize(p.data());
  });
}

}  // namespace

const std::vector<BenchOptimizer>& benchOptimizers() {
  // Bytes each step must move per element: every state vector read and written, p read and
  // written, g read, and the effective learning rate written.
  static const std::vector<BenchOptimizer> optimizers = {
      {"sgd", "sgd:lr=0.01,momentum=0.9", 6 * 8},
      {"adagrad", "adagrad:lr=0.01", 6 * 8},
      {"rmsprop", "rmsprop:lr=0.01", 6 * 8},
      {"adam", "adam:lr=0.001", 8 * 8},
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
}

void triadFigure(Eigen::Index n) {
  Eigen::VectorXd a = Eigen::VectorXd::Zero(n);
  const Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(n, 0.0, 1.0);
  const Eigen::VectorXd c = Eigen::VectorXd::LinSpaced(n, 1.0, 2.0);
  const double scalar = 3.0;
  const double seconds = bestSecondsPerRepetition([&](long long repetitions) {
    for (long long r = 0; r < repetitions; ++r) {
      a.noalias() = b + scalar * c;
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

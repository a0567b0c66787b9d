#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace optiscope {

// Additive Gaussian gradient noise, g_i += σ·z(seed, step, i) with z ~ N(0, 1), to mimic
// stochastic gradients on the 2D test functions.
//
// Counter-based, like Philox in JAX/cuRAND: z is a pure function of (seed, step, i). There is
// no generator state, so the noise of a step does not depend on how many steps or coordinates
// were drawn before, on call order, or on threads: replaying a run from any step reproduces
// it bit for bit. z is computed with splitmix64 finalizers and Box–Muller written here rather
// than std::normal_distribution, whose algorithm is implementation-defined.
class GradientNoise {
 public:
  // sigma must be finite and >= 0 (throws SpecError otherwise).
  GradientNoise(double sigma, std::uint64_t seed);

  double sigma() const { return m_sigma; }
  std::uint64_t seed() const { return m_seed; }

  // Adds σ·z(seed, step, i) to every g_i. Allocation-free; σ = 0 leaves g bitwise unchanged.
  void perturb(long long step, Eigen::Ref<Eigen::VectorXd> g) const;

  // The standard normal z(seed, step, coordinate) that perturb scales by σ.
  double standardNormal(long long step, Eigen::Index coordinate) const;

 private:
  double m_sigma;
  std::uint64_t m_seed;
};

}  // namespace optiscope

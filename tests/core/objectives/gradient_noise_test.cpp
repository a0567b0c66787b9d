#include "core/objectives/gradient_noise.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

bool bitwiseEqual(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  return true;
}

Eigen::VectorXd perturbed(const GradientNoise& noise, long long step, Eigen::VectorXd g) {
  noise.perturb(step, g);
  return g;
}

}  // namespace

TEST_CASE("the same seed and step give the same bits, other seeds and steps differ") {
  const Eigen::VectorXd g = Eigen::VectorXd::LinSpaced(6, -1.0, 1.0);
  const GradientNoise a(0.3, 42), sameSeed(0.3, 42), otherSeed(0.3, 43);
  const Eigen::VectorXd first = perturbed(a, 17, g);
  CHECK(bitwiseEqual(first, perturbed(sameSeed, 17, g)));
  CHECK(bitwiseEqual(first, perturbed(a, 17, g)));
  CHECK(!bitwiseEqual(first, g));
  for (Eigen::Index i = 0; i < g.size(); ++i) {
    INFO("coordinate " << i);
    CHECK(first[i] != perturbed(otherSeed, 17, g)[i]);
    CHECK(first[i] != perturbed(a, 18, g)[i]);
    CHECK(first[i] != perturbed(a, -17, g)[i]);
  }
}

TEST_CASE("noise does not depend on call order, vector length or earlier calls") {
  const GradientNoise noise(1.5, 2024);
  const Eigen::VectorXd g = Eigen::VectorXd::Zero(5);
  std::vector<Eigen::VectorXd> forward, backward(100);
  for (long long step = 0; step < 100; ++step) forward.push_back(perturbed(noise, step, g));
  for (long long step = 99; step >= 0; --step) backward[step] = perturbed(noise, step, g);
  for (long long step = 0; step < 100; ++step) CHECK(bitwiseEqual(forward[step], backward[step]));

  // A replay from step 50 with a fresh object reproduces the original run exactly.
  const GradientNoise replay(1.5, 2024);
  CHECK(bitwiseEqual(perturbed(replay, 50, g), forward[50]));

  // Coordinate i's noise is the same in a short and a long vector.
  const Eigen::VectorXd longer = perturbed(noise, 7, Eigen::VectorXd::Zero(12));
  CHECK(bitwiseEqual(longer.head(5), forward[7]));
  CHECK(longer[9] == 1.5 * noise.standardNormal(7, 9));
}

TEST_CASE("noise is N(0, sigma^2): mean, spread, tails, no correlation") {
  // 400,000 samples with a fixed seed; bounds are about 5 standard errors wide.
  const double sigma = 0.5;
  const GradientNoise noise(sigma, 99);
  const int steps = 20000, coordinates = 20;
  const double n = static_cast<double>(steps) * coordinates;
  double sum = 0.0, sumSquares = 0.0, sumFourth = 0.0, withinOneSigma = 0.0, lagProduct = 0.0;
  Eigen::VectorXd previous = Eigen::VectorXd::Zero(coordinates);
  for (long long step = 0; step < steps; ++step) {
    const Eigen::VectorXd z = perturbed(noise, step, Eigen::VectorXd::Zero(coordinates));
    for (Eigen::Index i = 0; i < coordinates; ++i) {
      sum += z[i];
      sumSquares += z[i] * z[i];
      sumFourth += std::pow(z[i] / sigma, 4);
      withinOneSigma += std::abs(z[i]) < sigma ? 1.0 : 0.0;
      lagProduct += z[i] * previous[i];
    }
    previous = z;
  }
  const double mean = sum / n;
  const double std = std::sqrt(sumSquares / n - mean * mean);
  CHECK(std::abs(mean) < 5.0 * sigma / std::sqrt(n));
  CHECK(std::abs(std / sigma - 1.0) < 0.006);
  CHECK(std::abs(sumFourth / n - 3.0) < 0.05);               // Gaussian kurtosis
  CHECK(std::abs(withinOneSigma / n - 0.6827) < 0.004);      // Gaussian mass within 1 sigma
  CHECK(std::abs(lagProduct / n) / (sigma * sigma) < 0.01);  // consecutive steps uncorrelated
}

TEST_CASE("sigma = 0 leaves the gradient bitwise unchanged") {
  const GradientNoise off(0.0, 5);
  const Eigen::VectorXd g = (Eigen::VectorXd(3) << -0.0, 1e-300, -7.25).finished();
  CHECK(bitwiseEqual(perturbed(off, 3, g), g));
}

TEST_CASE("perturb allocates nothing") {
  if (!HeapAllocationProbe::probeWorks()) {
    // Sanitizer builds own malloc: nothing can be counted there (the normal build checks).
    WARN("malloc is not probed in a sanitizer build");
    return;
  }
  const GradientNoise noise(0.1, 1);
  Eigen::VectorXd g = Eigen::VectorXd::Zero(64);
  std::size_t allocations = 0;
  {
    HeapAllocationProbe probe;
    noise.perturb(11, g);
    allocations = probe.allocations();
  }
  CHECK(allocations == 0);
  CHECK(g.cwiseAbs().maxCoeff() > 0.0);
}

TEST_CASE("invalid sigma is rejected") {
  CHECK_THROWS_AS(GradientNoise(-0.1, 1), SpecError);
  CHECK_THROWS_WITH(GradientNoise(std::numeric_limits<double>::quiet_NaN(), 1),
                    Catch::Contains("sigma"));
  CHECK_THROWS_AS(GradientNoise(std::numeric_limits<double>::infinity(), 1), SpecError);
}

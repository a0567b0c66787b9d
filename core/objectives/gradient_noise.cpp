#include "core/objectives/gradient_noise.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// splitmix64's output function (Steele, Lea, Flood, OOPSLA 2014): a bijective avalanche
// mix of 64 bits.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// Chaining the mix over the key words separates (step, coordinate) pairs that a plain sum
// or xor would collide.
std::uint64_t hashKey(std::uint64_t seed, std::uint64_t step, std::uint64_t coordinate) {
  std::uint64_t h = mix(seed + kGolden);
  h = mix(h ^ (step + kGolden));
  return mix(h ^ (coordinate + 2 * kGolden));
}

// The top 53 bits as a double in [0, 1).
double unitInterval(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

}  // namespace

GradientNoise::GradientNoise(double sigma, std::uint64_t seed) : m_sigma(sigma), m_seed(seed) {
  if (!std::isfinite(sigma) || sigma < 0.0)
    throw SpecError("gradient noise sigma must be a finite number >= 0, got " +
                    formatDouble(sigma));
}

double GradientNoise::standardNormal(long long step, Eigen::Index coordinate) const {
  const std::uint64_t h =
      hashKey(m_seed, static_cast<std::uint64_t>(step), static_cast<std::uint64_t>(coordinate));
  // Two independent uniforms from one key; 1 - u keeps the logarithm's argument in (0, 1].
  const double u1 = 1.0 - unitInterval(h);
  const double u2 = unitInterval(mix(h + kGolden));
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void GradientNoise::perturb(long long step, Eigen::Ref<Eigen::VectorXd> g) const {
  // Skipping entirely (rather than adding 0·z) keeps −0.0 entries bitwise intact.
  if (m_sigma == 0.0) return;
  for (Eigen::Index i = 0; i < g.size(); ++i) g[i] += m_sigma * standardNormal(step, i);
}

}  // namespace optiscope

#include "core/nn/random.h"

#include <cmath>

namespace optiscope {
namespace {

std::uint64_t splitMix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Random::Random(std::uint64_t seed) {
  for (auto& word : m_state) word = splitMix64(seed);
}

std::uint64_t Random::next() {
  const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
  const std::uint64_t t = m_state[1] << 17;
  m_state[2] ^= m_state[0];
  m_state[3] ^= m_state[1];
  m_state[1] ^= m_state[2];
  m_state[0] ^= m_state[3];
  m_state[2] ^= t;
  m_state[3] = rotl(m_state[3], 45);
  return result;
}

double Random::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Random::uniform(double a, double b) { return uniform() * (b - a) + a; }

double Random::normal() {
  double v1 = 0.0, s = 0.0;
  do {
    v1 = 2.0 * uniform() - 1.0;
    const double v2 = 2.0 * uniform() - 1.0;
    s = v1 * v1 + v2 * v2;
  } while (s >= 1.0 || s == 0.0);
  return std::sqrt(-2.0 * std::log(s) / s) * v1;
}

std::uint64_t Random::below(std::uint64_t n) {
  // Rejecting the top partial block keeps every residue equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return x % n;
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t mixed = seed;
  const std::uint64_t a = splitMix64(mixed);
  std::uint64_t withStream = a ^ (stream * 0xD1B54A32D192ED03ull);
  return splitMix64(withStream);
}

}  // namespace optiscope

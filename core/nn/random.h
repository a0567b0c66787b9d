#pragma once

#include <cstdint>

namespace optiscope {

// A small deterministic generator (xoshiro256**, seeded through splitmix64) with its own
// uniform and normal transforms. std::normal_distribution and friends are implementation-
// defined, so a seed would give different datasets and networks on another standard library;
// these give the same numbers everywhere.
//   Blackman & Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM TOMS 2021.
class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t next();
  // Uniform on [0, 1) with 53 random bits.
  double uniform();
  // Uniform on [a, b), written as Playground's randUniform: u·(b − a) + a.
  double uniform(double a, double b);
  // Standard normal by Marsaglia's polar method (the second value of each pair is dropped, as
  // in TensorFlow Playground, so that the stream position never depends on hidden state).
  double normal();
  // Uniform integer in [0, n), unbiased; n > 0.
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t m_state[4];
};

// An independent seed for one purpose (dataset, split, initialization, batch order of epoch e)
// derived from a user's seed, so that changing one does not shift the others' streams.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

}  // namespace optiscope

#pragma once

#include <algorithm>

namespace optiscope {

// Scalars several optimizers compute the way torch 1.13 does (OPTIMIZERS.md).

// torch counts steps in a float32 tensor, which stops growing at 2^24.
inline double torchStepCount(long long completedSteps) {
  return static_cast<double>(std::min(completedSteps + 1, 1LL << 24));
}

// torch.sign: 0 for 0 (and for -0), ±1 otherwise.
inline double torchSign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0; }

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/optim/optimizer.h"

namespace optiscope::testing {

// A deterministic gradient for step k with mixed signs and magnitudes (0.05 .. 3).
inline Eigen::VectorXd wavyGradient(Eigen::Index n, int k) {
  Eigen::VectorXd g(n);
  for (Eigen::Index i = 0; i < n; ++i)
    g[i] = std::sin(0.9 * k + 1.7 * static_cast<double>(i) + 0.3) * (0.05 + 0.5 * i);
  return g;
}

// A copy of the named state vector; throws if the optimizer does not expose it.
inline Eigen::VectorXd stateOf(const Optimizer& optimizer, std::string_view name) {
  for (const StateView& view : optimizer.state())
    if (view.name == name) return *view.values;
  throw std::logic_error(std::string(optimizer.name()) + " has no state '" + std::string(name) +
                         "'");
}

inline std::string stateNames(const Optimizer& optimizer) {
  std::string names;
  for (const StateView& view : optimizer.state())
    names += (names.empty() ? "" : " ") + std::string(view.name);
  return names;
}

// Largest |a-b| / max(|a|,|b|) over the coordinates (0 when equal, also for 0 == 0).
inline double maxRelativeError(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(std::abs(a[i]), std::abs(b[i])));
  }
  return worst;
}

}  // namespace optiscope::testing

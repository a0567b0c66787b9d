#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/objectives/objective.h"

namespace optiscope::testing {

// Every catalog entry by its default spec, the N-d ones also at dim 5 and 10, plus a
// rotated, badly conditioned quadratic: iterating the catalog means a function added later
// is checked without touching the tests.
struct CatalogCase {
  std::string spec;
  std::unique_ptr<Objective> objective;
};
std::vector<CatalogCase> catalogCases();

// Reproducible uniform points in a box (own bit-to-double mapping, no
// implementation-defined distributions).
std::vector<Eigen::VectorXd> randomPointsIn(const Box& box, int count, unsigned long long seed);

// Fourth-order central differences (error O(h⁴)) with h = 1e-3: an absolute step, because
// the fastest ripples (levy13's sin 3πx) do not get wider far from the origin.
Eigen::VectorXd finiteDifferenceGradient(const Objective& f, const Eigen::VectorXd& x);
// The same stencil applied to the exact gradient, column by column.
Eigen::MatrixXd finiteDifferenceHessian(const Objective& f, const Eigen::VectorXd& x);

Eigen::VectorXd gradientAt(const Objective& f, const Eigen::VectorXd& x);

// max |a - b| / max(1, max |a|): relative for large entries, absolute for small ones.
double scaledMaxDifference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);

}  // namespace optiscope::testing

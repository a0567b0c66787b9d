#pragma once

#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

namespace optiscope::testing {

// One torch reference trajectory from tests/reference/optimizers.ref (written by
// tests/reference/generate_reference.py with the real torch 1.13).
struct ParityCase {
  std::string id;
  std::string optimizer, schedule, function;  // our specs
  bool negateGradient = false;
  int steps = 0;
  Eigen::VectorXd start;
  std::vector<double> lr;               // lr[k-1]: group lr in effect for step k
  std::vector<Eigen::VectorXd> points;  // points[k-1]: parameters after step k
  std::vector<std::pair<std::string, Eigen::VectorXd>> finalState;  // after step N
};

// Parses the whole file. A malformed or incomplete case throws std::runtime_error naming the
// line, so a truncated file fails loudly instead of testing fewer steps.
std::vector<ParityCase> readParityCases(const std::string& path);

}  // namespace optiscope::testing

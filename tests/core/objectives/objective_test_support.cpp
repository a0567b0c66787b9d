#include "objective_test_support.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

namespace optiscope::testing {

std::vector<CatalogCase> catalogCases() {
  std::vector<std::string> specs;
  for (const ObjectiveInfo& info : objectiveCatalog()) {
    specs.push_back(info.name);
    if (info.anyDimension) {
      specs.push_back(info.name + ":dim=5");
      specs.push_back(info.name + ":dim=10");
    }
  }
  specs.push_back("quadratic:condition=100,angle=30");
  std::vector<CatalogCase> cases;
  for (const std::string& spec : specs) cases.push_back({spec, makeObjective(spec)});
  return cases;
}

std::vector<Eigen::VectorXd> randomPointsIn(const Box& box, int count, unsigned long long seed) {
  std::mt19937_64 bits(seed);
  std::vector<Eigen::VectorXd> points;
  for (int k = 0; k < count; ++k) {
    Eigen::VectorXd p(box.lower.size());
    for (Eigen::Index i = 0; i < p.size(); ++i) {
      const double u = static_cast<double>(bits() >> 11) * 0x1.0p-53;
      p[i] = box.lower[i] + u * (box.upper[i] - box.lower[i]);
    }
    points.push_back(p);
  }
  return points;
}

namespace {

template <class Result>
Result fourthOrderDerivative(const std::function<Result(const Eigen::VectorXd&)>& f,
                             const Eigen::VectorXd& x, Eigen::Index i) {
  const double h = 1e-3;
  auto at = [&](double offset) {
    Eigen::VectorXd shifted = x;
    shifted[i] += offset;
    return f(shifted);
  };
  return (at(-2.0 * h) - 8.0 * at(-h) + 8.0 * at(h) - at(2.0 * h)) / (12.0 * h);
}

}  // namespace

Eigen::VectorXd gradientAt(const Objective& f, const Eigen::VectorXd& x) {
  Eigen::VectorXd g(x.size());
  f.valueAndGradient(x, g);
  return g;
}

Eigen::VectorXd finiteDifferenceGradient(const Objective& f, const Eigen::VectorXd& x) {
  const std::function<double(const Eigen::VectorXd&)> value = [&](const Eigen::VectorXd& p) {
    return f.value(p);
  };
  Eigen::VectorXd g(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) g[i] = fourthOrderDerivative(value, x, i);
  return g;
}

Eigen::MatrixXd finiteDifferenceHessian(const Objective& f, const Eigen::VectorXd& x) {
  const std::function<Eigen::VectorXd(const Eigen::VectorXd&)> gradient =
      [&](const Eigen::VectorXd& p) { return gradientAt(f, p); };
  Eigen::MatrixXd h(x.size(), x.size());
  for (Eigen::Index j = 0; j < x.size(); ++j) h.col(j) = fourthOrderDerivative(gradient, x, j);
  return h;
}

double scaledMaxDifference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, a.cwiseAbs().maxCoeff());
}

}  // namespace optiscope::testing

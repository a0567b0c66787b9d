#include "core/analysis/curvature.h"

#include <Eigen/Eigenvalues>
#include <limits>
#include <stdexcept>

namespace optiscope {

Curvature curvatureAt(const Objective& objective, const Eigen::VectorXd& point) {
  if (point.size() != objective.dim())
    throw std::invalid_argument("curvatureAt: the point has " + std::to_string(point.size()) +
                                " coordinates, the function " + std::to_string(objective.dim()));
  const Eigen::MatrixXd h = objective.hessian(point);
  if (!h.allFinite()) throw std::invalid_argument("curvatureAt: the Hessian is not finite there");
  Curvature c;
  c.hessian = 0.5 * (h + h.transpose());
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(c.hessian);
  c.eigenvalues = solver.eigenvalues();
  c.eigenvectors = solver.eigenvectors();
  c.lambdaMax = c.eigenvalues[c.eigenvalues.size() - 1];
  c.stabilityBound =
      c.lambdaMax > 0.0 ? 2.0 / c.lambdaMax : std::numeric_limits<double>::infinity();
  return c;
}

DirectionalRates directionalRates(const Curvature& curvature, const Eigen::VectorXd& rates) {
  const Eigen::Index n = curvature.eigenvalues.size();
  if (rates.size() != n)
    throw std::invalid_argument("directionalRates: " + std::to_string(rates.size()) +
                                " rates for " + std::to_string(n) + " dimensions");
  if (!rates.allFinite() || (rates.array() < 0.0).any())
    throw std::invalid_argument("directionalRates: the rates must be finite and >= 0");
  DirectionalRates d;
  d.rateAlong.resize(n);
  d.stabilityRatio.resize(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    const auto u = curvature.eigenvectors.col(k);
    d.rateAlong[k] = (rates.array() * u.array().square()).sum();
    d.stabilityRatio[k] = d.rateAlong[k] * curvature.eigenvalues[k] / 2.0;
  }
  const Eigen::VectorXd root = rates.cwiseSqrt();
  const Eigen::MatrixXd preconditioned = root.asDiagonal() * curvature.hessian * root.asDiagonal();
  d.preconditionedSharpness =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(preconditioned, Eigen::EigenvaluesOnly)
          .eigenvalues()
          .maxCoeff();
  return d;
}

}  // namespace optiscope

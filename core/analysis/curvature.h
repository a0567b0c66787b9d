#pragma once

#include <Eigen/Core>

#include "core/objectives/objective.h"

namespace optiscope {

// The local curvature of a function at a point: the eigen-decomposition of its Hessian H.
// Along eigen-direction u_k the function is, to second order, a parabola of curvature λ_k, and
// plain gradient descent with learning rate η multiplies the distance to that parabola's
// minimum by (1 − η·λ_k) per step: it converges along u_k iff 0 < η·λ_k < 2. So the largest
// eigenvalue λ_max caps the learning rate at the stability bound 2/λ_max ("edge of
// stability", Cohen et al., ICLR 2021).
struct Curvature {
  Eigen::MatrixXd hessian;       // symmetrized
  Eigen::VectorXd eigenvalues;   // ascending
  Eigen::MatrixXd eigenvectors;  // column k: the unit eigenvector of eigenvalues[k]
  double lambdaMax = 0.0;        // the largest eigenvalue
  // 2/λ_max; +inf when λ_max <= 0 (no direction curves upwards: no lr is unstable locally).
  double stabilityBound = 0.0;
};

// Throws std::invalid_argument if `point` does not have the function's dimension or the
// Hessian there is not finite. H is symmetrized ((H + Hᵀ)/2) against rounding.
Curvature curvatureAt(const Objective& objective, const Eigen::VectorXd& point);

// How an optimizer's per-parameter rates act along the eigen-directions. An adaptive optimizer
// scales coordinate i of its step by its own rate η_i (Optimizer::effectiveLr), i.e. it steps
// with the diagonal matrix D = diag(η). Along a unit direction u, D acts with the rate
//     η_eff(u) = uᵀ D u = Σ_i η_i u_i²,
// the η a plain gradient step would need to move as far along u: for SGD (η_i = η) it is η in
// every direction; for Adam it mixes the coordinates' rates by how much of u lies along each.
// The step is stable on the local quadratic iff every eigenvalue of D^½ H D^½ (the
// preconditioned Hessian, whose eigenvalues are those of D·H) is below 2 (and above 0), so:
//  - rateAlong[k] = η_eff(u_k) and stabilityRatio[k] = η_eff(u_k)·λ_k / 2 per eigen-direction:
//    exact when D is a multiple of the identity or H is diagonal, a per-direction reading
//    otherwise;
//  - preconditionedSharpness = λ_max(D^½ H D^½), the exact test: the update is locally
//    unstable when it exceeds 2. (For momentum methods the bound is higher: (2 + 2β)/(1 − β)
//    for the EMA momentum of Adam, as Cohen et al. 2022 use; the number here is the same.)
struct DirectionalRates {
  Eigen::VectorXd rateAlong;       // η_eff(u_k), in the order of Curvature::eigenvalues
  Eigen::VectorXd stabilityRatio;  // η_eff(u_k)·λ_k / 2: above 1 means unstable along u_k
  double preconditionedSharpness = 0.0;
};

// Throws std::invalid_argument if `rates` does not match the curvature's dimension or is
// negative or not finite (before a run's first step its rates are NaN: there is nothing yet).
DirectionalRates directionalRates(const Curvature& curvature, const Eigen::VectorXd& rates);

}  // namespace optiscope

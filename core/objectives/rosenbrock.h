#pragma once

#include "core/objectives/objective.h"

namespace optiscope {

// Rosenbrock's banana valley in N >= 2 dimensions (Rosenbrock, Computer J. 3, 1960;
// the N-d chained form as in Surjanovic & Bingham's Virtual Library):
//
//   f(x) = Σ_{i=0}^{N-2} (1 - x_i)² + 100·(x_{i+1} - x_i²)²,   minimum 0 at (1, …, 1).
//
// The gradient is evaluated with fixed double expressions in a fixed order so that torch
// parity tests can compare bit for bit (see valueAndGradient in the .cpp); N = 2 uses the
// literal 2D expressions, N > 2 accumulates per term starting from 0.
class Rosenbrock final : public Objective {
 public:
  explicit Rosenbrock(Eigen::Index dim = 2);
  static ObjectiveInfo describe();

  std::string_view name() const override { return "rosenbrock"; }
  Eigen::Index dim() const override { return m_dim; }
  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override;
  void values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
              Eigen::Ref<Eigen::VectorXd> out) const override;
  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                          Eigen::Ref<Eigen::VectorXd> g) const override;
  void valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                          const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> f,
                          Eigen::Ref<Eigen::VectorXd> gx,
                          Eigen::Ref<Eigen::VectorXd> gy) const override;
  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const override;
  std::vector<Minimum> globalMinima() const override;
  // 2D: the customary plot [-2, 2] x [-1, 3]; N-d: [-2, 2] in every coordinate.
  Box viewBox() const override;
  // 2D: (-1.5, 2), across the valley from the minimum. N > 2: the classic alternating
  // (-1.2, 1, -1.2, 1, …) of the N-d literature.
  Eigen::VectorXd defaultStart() const override;
  std::unique_ptr<Objective> clone() const override;

 private:
  Eigen::Index m_dim;
};

}  // namespace optiscope

#pragma once

#include "core/objectives/objective.h"

namespace optiscope {

// Himmelblau's function (Himmelblau, Applied Nonlinear Programming, 1972):
//
//   f(x, y) = (x² + y - 11)² + (x + y² - 7)²
//
// Four global minima, all with value 0: (3, 2), (-2.805118…, 3.131312…),
// (-3.779310…, -3.283185…), (3.584428…, -1.848126…); a local maximum near
// (-0.270845, -0.923039). The gradient uses fixed double expressions (bit-exact torch parity).
class Himmelblau final : public Objective {
 public:
  static ObjectiveInfo describe();

  std::string_view name() const override { return "himmelblau"; }
  Eigen::Index dim() const override { return 2; }
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
  Box viewBox() const override;  // [-5, 5]²
  // Near the central maximum, where basins meet: SGD (lr 0.01, with or without momentum)
  // ends in (3.58, -1.85), Adam and RMSprop in (3, 2).
  Eigen::VectorXd defaultStart() const override;
  std::unique_ptr<Objective> clone() const override;
};

}  // namespace optiscope

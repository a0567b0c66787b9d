// The generic batch evaluation behind Objective::valuesAndGradients: valueAndGradient() at
// every point.
#include <stdexcept>
#include <string>

#include "core/objectives/objective.h"

namespace optiscope {

bool Objective::batchFits(const Eigen::Ref<const Eigen::VectorXd>& x,
                          const Eigen::Ref<const Eigen::VectorXd>& y,
                          const Eigen::Ref<Eigen::VectorXd>& f,
                          const Eigen::Ref<Eigen::VectorXd>& gx,
                          const Eigen::Ref<Eigen::VectorXd>& gy) const {
  const Eigen::Index n = x.size();
  return dim() == 2 && y.size() == n && f.size() == n && gx.size() == n && gy.size() == n;
}

void Objective::valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                                   const Eigen::Ref<const Eigen::VectorXd>& y,
                                   Eigen::Ref<Eigen::VectorXd> f, Eigen::Ref<Eigen::VectorXd> gx,
                                   Eigen::Ref<Eigen::VectorXd> gy) const {
  if (dim() != 2)
    throw std::logic_error("Objective::valuesAndGradients needs a 2D function, '" +
                           std::string(name()) + "' has dimension " + std::to_string(dim()));
  if (!batchFits(x, y, f, gx, gy))
    throw std::logic_error("Objective::valuesAndGradients: vectors of different sizes");
  // One point and one gradient reused for the whole batch: nothing is allocated.
  Eigen::Vector2d point, gradient;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    point << x[i], y[i];
    f[i] = valueAndGradient(point, gradient);
    gx[i] = gradient[0];
    gy[i] = gradient[1];
  }
}

}  // namespace optiscope

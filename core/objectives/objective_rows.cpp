// The generic row evaluation behind Objective::values: value() at every point of the row.
#include <stdexcept>
#include <string>

#include "core/objectives/objective.h"

namespace optiscope {

void Objective::values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                       Eigen::Ref<Eigen::VectorXd> out) const {
  if (dim() != 2)
    throw std::logic_error("Objective::values needs a 2D function, '" + std::string(name()) +
                           "' has dimension " + std::to_string(dim()));
  if (out.size() != xs.size())
    throw std::logic_error("Objective::values: out and xs differ in size");
  // One point reused for the whole row: value() takes an Eigen::Ref, so nothing is allocated.
  Eigen::Vector2d point(0.0, y);
  for (Eigen::Index i = 0; i < xs.size(); ++i) {
    point[0] = xs[i];
    out[i] = value(point);
  }
}

}  // namespace optiscope

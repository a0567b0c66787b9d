#include "core/engine/problem.h"

#include <stdexcept>

namespace optiscope {

EpochRecord Problem::measureEpoch(long long, const Eigen::VectorXd&, const Eigen::VectorXd&) {
  // Only called when stepsPerEpoch() > 0, which a problem with epochs overrides with this.
  throw std::logic_error(describe() + " has no epochs to measure");
}

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/mlp_layout.h"

namespace optiscope {

// A penalty on the weights (never the biases, as in TensorFlow Playground), added to the
// minibatch loss once per evaluation and to its gradient:
//   l1: rate · Σ|w|      gradient rate · sign(w)  (sign(0) = 0, as torch's abs backward)
//   l2: rate/2 · Σ w²    gradient rate · w        (the same step as torch's weight_decay=rate)
struct Regularization {
  enum class Kind { None, L1, L2 };
  Kind kind = Kind::None;
  double rate = 0.0;

  bool operator==(const Regularization&) const = default;
};

const std::vector<std::string>& regularizationNames();  // none, l1, l2
std::string_view regularizationName(Regularization::Kind kind);
// Throws SpecError for an unknown kind or a rate that is not a finite number >= 0.
Regularization makeRegularization(std::string_view kind, double rate);

double penalty(const Regularization& regularization, const std::vector<LayerView>& layers,
               const Eigen::Ref<const Eigen::VectorXd>& params);
void addPenaltyGradient(const Regularization& regularization, const std::vector<LayerView>& layers,
                        const Eigen::Ref<const Eigen::VectorXd>& params,
                        Eigen::Ref<Eigen::VectorXd> grad);

}  // namespace optiscope

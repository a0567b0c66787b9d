#include "core/nn/activation.h"

#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<std::string>& activationNames() {
  static const std::vector<std::string> names = {"relu", "tanh", "sigmoid", "linear"};
  return names;
}

std::string_view activationName(Activation activation) {
  return activationNames()[static_cast<size_t>(activation)];
}

Activation parseActivation(std::string_view name) {
  const auto& names = activationNames();
  std::string available;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Activation>(i);
    available += (i ? ", " : "") + names[i];
  }
  throw SpecError("unknown activation '" + std::string(name) + "'; available: " + available);
}

void activate(Activation activation, const Eigen::Ref<const Eigen::MatrixXd>& z,
              Eigen::Ref<Eigen::MatrixXd> a) {
  switch (activation) {
    case Activation::Relu:
      a = z.cwiseMax(0.0);
      return;
    case Activation::Tanh:
      a = z.array().tanh();
      return;
    case Activation::Sigmoid:
      a = z.unaryExpr([](double x) { return 1.0 / (1.0 + std::exp(-x)); });
      return;
    case Activation::Linear:
      a = z;
      return;
  }
}

void multiplyByDerivative(Activation activation, const Eigen::Ref<const Eigen::MatrixXd>& z,
                          const Eigen::Ref<const Eigen::MatrixXd>& a,
                          Eigen::Ref<Eigen::MatrixXd> delta) {
  switch (activation) {
    case Activation::Relu:
      delta = (z.array() > 0.0).select(delta, 0.0);
      return;
    case Activation::Tanh:
      delta.array() *= 1.0 - a.array().square();
      return;
    case Activation::Sigmoid:
      delta.array() *= a.array() * (1.0 - a.array());
      return;
    case Activation::Linear:
      return;
  }
}

}  // namespace optiscope

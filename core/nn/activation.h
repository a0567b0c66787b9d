#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace optiscope {

// The activation of every hidden neuron (the output layer is always linear, followed by the
// loss's link). Derivatives follow torch's autograd: relu'(0) = 0.
enum class Activation { Relu, Tanh, Sigmoid, Linear };

const std::vector<std::string>& activationNames();  // relu, tanh, sigmoid, linear
std::string_view activationName(Activation activation);
// Throws SpecError "unknown activation 'x'; available: relu, tanh, sigmoid, linear".
Activation parseActivation(std::string_view name);

// a = f(z), element by element.
void activate(Activation activation, const Eigen::Ref<const Eigen::MatrixXd>& z,
              Eigen::Ref<Eigen::MatrixXd> a);
// delta ⊙= f'(z), with a = f(z) already computed (tanh and sigmoid differentiate through a).
void multiplyByDerivative(Activation activation, const Eigen::Ref<const Eigen::MatrixXd>& z,
                          const Eigen::Ref<const Eigen::MatrixXd>& a,
                          Eigen::Ref<Eigen::MatrixXd> delta);

}  // namespace optiscope

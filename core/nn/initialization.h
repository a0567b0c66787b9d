#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/nn/activation.h"
#include "core/nn/mlp_layout.h"

namespace optiscope {

// Seeded weight initialization; biases start at 0.
//   glorot  W ~ U(−a, a), a = √(6 / (fan_in + fan_out))   (torch.nn.init.xavier_uniform_)
//           Glorot & Bengio, AISTATS 2010
//   he      W ~ N(0, 2 / fan_in)                            (torch.nn.init.kaiming_normal_,
//           He, Zhang, Ren & Sun, ICCV 2015                  mode fan_in, relu gain)
//   auto    he for relu, glorot for tanh, sigmoid and linear
// Draws come from core/nn/random.h in layer order, W row-major, so a seed gives the same
// network on every platform.
enum class Initialization { Auto, Glorot, He };

const std::vector<std::string>& initializationNames();  // auto, glorot, he
std::string_view initializationName(Initialization init);
Initialization parseInitialization(std::string_view name);  // throws SpecError

void initializeParameters(const std::vector<LayerView>& layers, Activation activation,
                          Initialization init, std::uint64_t seed,
                          Eigen::Ref<Eigen::VectorXd> params);

}  // namespace optiscope

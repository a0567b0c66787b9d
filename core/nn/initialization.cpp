#include "core/nn/initialization.h"

#include <cmath>

#include "core/nn/random.h"
#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<std::string>& initializationNames() {
  static const std::vector<std::string> names = {"auto", "glorot", "he"};
  return names;
}

std::string_view initializationName(Initialization init) {
  return initializationNames()[static_cast<size_t>(init)];
}

Initialization parseInitialization(std::string_view name) {
  const auto& names = initializationNames();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Initialization>(i);
  throw SpecError("unknown initialization '" + std::string(name) +
                  "'; available: auto, glorot, he");
}

void initializeParameters(const std::vector<LayerView>& layers, Activation activation,
                          Initialization init, std::uint64_t seed,
                          Eigen::Ref<Eigen::VectorXd> params) {
  if (init == Initialization::Auto)
    init = activation == Activation::Relu ? Initialization::He : Initialization::Glorot;
  Random random(seed);
  params.setZero();
  for (const LayerView& layer : layers) {
    const double fanIn = static_cast<double>(layer.inputs);
    const double fanOut = static_cast<double>(layer.outputs);
    auto w = params.segment(layer.weightOffset, layer.weightCount());
    if (init == Initialization::Glorot) {
      const double a = std::sqrt(6.0 / (fanIn + fanOut));
      for (double& x : w) x = random.uniform(-a, a);
    } else {
      const double sigma = std::sqrt(2.0 / fanIn);
      for (double& x : w) x = sigma * random.normal();
    }
  }
}

}  // namespace optiscope

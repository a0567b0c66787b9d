#pragma once

#include <Eigen/Core>
#include <string_view>
#include <vector>

namespace optiscope {

// The sizes of a multilayer perceptron: inputs, 0–6 hidden layers of 1–16 neurons (the
// Playground-sized networks the GUI draws), and the outputs the loss needs.
struct MlpShape {
  int inputs = 2;
  std::vector<int> hidden;
  int outputs = 1;

  bool operator==(const MlpShape&) const = default;
};

inline constexpr int kMaxHiddenLayers = 6;
inline constexpr int kMaxNeuronsPerLayer = 16;

// Throws SpecError naming the offending layer ("hidden layer 2 has 17 neurons; allowed 1 to
// 16", "7 hidden layers; allowed 0 to 6").
void validateShape(const MlpShape& shape);

// "8,8" -> {8, 8}; "0" and "" -> {} (no hidden layer). Throws SpecError for anything that is
// not a list of integers; the ranges are checked by validateShape.
std::vector<int> parseHiddenLayers(std::string_view text);

// Where one layer's parameters live in the flat parameter vector. The layout is torch's
// parameters_to_vector(nn.Sequential(Linear, act, Linear, ...)): for each layer in order, the
// weight matrix W (outputs × inputs) row-major — W(j, i), from input i to neuron j, at
// weightOffset + j·inputs + i — followed by the bias b (outputs).
struct LayerView {
  Eigen::Index inputs = 0;
  Eigen::Index outputs = 0;
  Eigen::Index weightOffset = 0;

  Eigen::Index weightCount() const { return inputs * outputs; }
  Eigen::Index biasOffset() const { return weightOffset + weightCount(); }
  Eigen::Index end() const { return biasOffset() + outputs; }
};

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One view per layer (hidden layers, then the output layer); the last view's end() is the
// parameter count.
std::vector<LayerView> layerViews(const MlpShape& shape);

// Layer `view`'s W and b inside any flat vector of the layout (parameters, gradients,
// effective learning rates, optimizer state).
inline Eigen::Map<const RowMajorMatrix> weightsOf(const Eigen::Ref<const Eigen::VectorXd>& flat,
                                                  const LayerView& view) {
  return {flat.data() + view.weightOffset, view.outputs, view.inputs};
}
inline Eigen::Map<const Eigen::VectorXd> biasOf(const Eigen::Ref<const Eigen::VectorXd>& flat,
                                                const LayerView& view) {
  return {flat.data() + view.biasOffset(), view.outputs};
}

}  // namespace optiscope

#include "core/nn/mlp_layout.h"

#include <string>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

void checkLayerCount(size_t count) {
  if (count > static_cast<size_t>(kMaxHiddenLayers))
    throw SpecError("hidden: " + std::to_string(count) + " hidden layers; allowed 0 to " +
                    std::to_string(kMaxHiddenLayers));
}

void checkLayerWidth(size_t layer, long long width) {
  if (width < 1 || width > kMaxNeuronsPerLayer)
    throw SpecError("hidden: layer " + std::to_string(layer + 1) + " has " + std::to_string(width) +
                    " neurons; allowed 1 to " + std::to_string(kMaxNeuronsPerLayer));
}

}  // namespace

void validateShape(const MlpShape& shape) {
  if (shape.inputs < 1)
    throw SpecError("a network needs at least one input feature, got " +
                    std::to_string(shape.inputs));
  if (shape.outputs < 1)
    throw SpecError("a network needs at least one output, got " + std::to_string(shape.outputs));
  checkLayerCount(shape.hidden.size());
  for (size_t l = 0; l < shape.hidden.size(); ++l) checkLayerWidth(l, shape.hidden[l]);
}

std::vector<int> parseHiddenLayers(std::string_view text) {
  if (text.empty() || text == "0") return {};
  std::vector<int> sizes;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string_view item =
        text.substr(start, comma == std::string_view::npos ? comma : comma - start);
    const long long width = parseInteger(item, "hidden");
    checkLayerWidth(sizes.size(), width);
    sizes.push_back(static_cast<int>(width));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  checkLayerCount(sizes.size());
  return sizes;
}

std::vector<LayerView> layerViews(const MlpShape& shape) {
  std::vector<LayerView> views;
  Eigen::Index inputs = shape.inputs, offset = 0;
  auto add = [&](Eigen::Index outputs) {
    views.push_back({inputs, outputs, offset});
    offset = views.back().end();
    inputs = outputs;
  };
  for (int width : shape.hidden) add(width);
  add(shape.outputs);
  return views;
}

}  // namespace optiscope

#include "core/nn/decision_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

void growBounds(const Eigen::Matrix2Xd& points, Eigen::Vector2d& low, Eigen::Vector2d& high) {
  for (Eigen::Index j = 0; j < points.cols(); ++j) {
    if (!points.col(j).allFinite()) continue;
    low = low.cwiseMin(points.col(j));
    high = high.cwiseMax(points.col(j));
  }
}

}  // namespace

GridBox dataBox(const DataSplit& data, double margin) {
  const double inf = std::numeric_limits<double>::infinity();
  Eigen::Vector2d low(inf, inf), high(-inf, -inf);
  growBounds(data.train.points, low, high);
  growBounds(data.test.points, low, high);
  const double side = (high - low).maxCoeff();
  if (!std::isfinite(side) || side <= 0.0) return GridBox{};
  const Eigen::Vector2d centre = 0.5 * (low + high);
  const double half = 0.5 * side * (1.0 + 2.0 * margin);
  return GridBox{centre.x() - half, centre.x() + half, centre.y() - half, centre.y() + half};
}

double DecisionGrid::x1At(int ix) const {
  return box.x1Min + (ix + 0.5) * (box.x1Max - box.x1Min) / resolution;
}

double DecisionGrid::x2At(int iy) const {
  return box.x2Min + (iy + 0.5) * (box.x2Max - box.x2Min) / resolution;
}

void DecisionGridEvaluator::evaluate(const Mlp& mlp, const std::vector<Feature>& features,
                                     const Eigen::Ref<const Eigen::VectorXd>& params,
                                     const GridBox& box, int resolution, DecisionGrid& grid) {
  const MlpShape& shape = mlp.shape();
  if (static_cast<int>(features.size()) != shape.inputs)
    throw SpecError("the network has " + std::to_string(shape.inputs) + " inputs but " +
                    std::to_string(features.size()) + " features were given");
  if (params.size() != mlp.parameterCount())
    throw SpecError("the network has " + std::to_string(mlp.parameterCount()) +
                    " parameters, got " + std::to_string(params.size()));
  if (resolution < 2) throw SpecError("grid resolution must be at least 2");

  if (!(m_shape == shape) || m_workspace.capacity() < resolution) {
    m_shape = shape;
    m_workspace = mlp.makeWorkspace(resolution);
  }
  m_inputs.resize(shape.inputs, resolution);
  m_linked.resize(shape.outputs, resolution);

  const Eigen::Index count = Eigen::Index(resolution) * resolution;
  grid.resolution = resolution;
  grid.box = box;
  grid.loss = mlp.loss();
  grid.outputs.resize(shape.outputs, count);
  grid.neurons.resize(shape.hidden.size());
  for (size_t h = 0; h < shape.hidden.size(); ++h) grid.neurons[h].resize(shape.hidden[h], count);

  for (int iy = 0; iy < resolution; ++iy) {
    const double x2 = grid.x2At(iy);
    for (int ix = 0; ix < resolution; ++ix) {
      const double x1 = grid.x1At(ix);
      for (size_t f = 0; f < features.size(); ++f)
        m_inputs(static_cast<Eigen::Index>(f), ix) = featureValue(features[f], x1, x2);
    }
    const auto logits = mlp.forward(params, m_inputs, m_workspace);
    applyLink(mlp.loss(), logits, m_linked);
    const Eigen::Index first = Eigen::Index(iy) * resolution;
    grid.outputs.middleCols(first, resolution) = m_linked;
    for (size_t h = 0; h < shape.hidden.size(); ++h)
      grid.neurons[h].middleCols(first, resolution) = m_workspace.neuronOutputs(h);
  }
}

}  // namespace optiscope

#include "core/nn/mlp.h"

#include <cmath>
#include <string>
#include <utility>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

Eigen::Map<RowMajorMatrix> mutableWeightsOf(Eigen::Ref<Eigen::VectorXd> flat,
                                            const LayerView& view) {
  return {flat.data() + view.weightOffset, view.outputs, view.inputs};
}

Eigen::Map<Eigen::VectorXd> mutableBiasOf(Eigen::Ref<Eigen::VectorXd> flat, const LayerView& view) {
  return {flat.data() + view.biasOffset(), view.outputs};
}

}  // namespace

Mlp::Mlp(MlpShape shape, Activation activation, Loss loss, Regularization regularization)
    : m_shape(std::move(shape)),
      m_activation(activation),
      m_loss(loss),
      m_regularization(regularization) {
  validateShape(m_shape);
  if (m_loss != Loss::SoftmaxCrossEntropy && m_shape.outputs != 1)
    throw SpecError("loss " + std::string(lossName(m_loss)) + " needs 1 output, got " +
                    std::to_string(m_shape.outputs));
  if (m_loss == Loss::SoftmaxCrossEntropy && m_shape.outputs < 2)
    throw SpecError("loss cross_entropy needs at least 2 outputs (classes), got " +
                    std::to_string(m_shape.outputs));
  if (!std::isfinite(m_regularization.rate) || m_regularization.rate < 0.0)
    throw SpecError("regularization rate must be a finite number >= 0, got " +
                    formatDouble(m_regularization.rate));
  m_layers = layerViews(m_shape);
}

MlpWorkspace Mlp::makeWorkspace(Eigen::Index capacity) const {
  MlpWorkspace workspace;
  workspace.m_capacity = capacity;
  for (const LayerView& layer : m_layers) {
    workspace.m_preActivation.emplace_back(layer.outputs, capacity);
    workspace.m_activation.emplace_back(layer.outputs, capacity);
    workspace.m_delta.emplace_back(layer.outputs, capacity);
  }
  return workspace;
}

void Mlp::initialize(Eigen::Ref<Eigen::VectorXd> params, Initialization init,
                     std::uint64_t seed) const {
  initializeParameters(m_layers, m_activation, init, seed, params);
}

ConstColumns Mlp::forward(const Eigen::Ref<const Eigen::VectorXd>& params,
                          const Eigen::Ref<const Eigen::MatrixXd>& inputs, MlpWorkspace& ws) const {
  const Eigen::Index batch = inputs.cols();
  ws.m_batch = batch;
  const size_t last = m_layers.size() - 1;
  for (size_t l = 0; l <= last; ++l) {
    auto z = ws.m_preActivation[l].leftCols(batch);
    if (l == 0)
      z.noalias() = weightsOf(params, m_layers[l]) * inputs;
    else
      z.noalias() = weightsOf(params, m_layers[l]) * ws.m_activation[l - 1].leftCols(batch);
    z.colwise() += biasOf(params, m_layers[l]);
    if (l < last) activate(m_activation, z, ws.m_activation[l].leftCols(batch));
  }
  return std::as_const(ws.m_preActivation[last]).leftCols(batch);
}

double Mlp::loss(const Eigen::Ref<const Eigen::VectorXd>& params,
                 const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                 const Eigen::Ref<const Eigen::VectorXd>& targets, MlpWorkspace& ws) const {
  const auto logits = forward(params, inputs, ws);
  return sumLoss(m_loss, logits, targets) / static_cast<double>(inputs.cols()) +
         penalty(m_regularization, m_layers, params);
}

double Mlp::lossAndGradient(const Eigen::Ref<const Eigen::VectorXd>& params,
                            const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                            const Eigen::Ref<const Eigen::VectorXd>& targets, MlpWorkspace& ws,
                            Eigen::Ref<Eigen::VectorXd> grad) const {
  const Eigen::Index batch = inputs.cols();
  const size_t last = m_layers.size() - 1;
  const auto logits = forward(params, inputs, ws);
  const double dataLoss =
      meanLossAndGradient(m_loss, logits, targets, ws.m_delta[last].leftCols(batch));

  for (size_t l = last + 1; l-- > 0;) {
    const LayerView& layer = m_layers[l];
    const auto delta = std::as_const(ws.m_delta[l]).leftCols(batch);
    if (l == 0)
      mutableWeightsOf(grad, layer).noalias() = delta * inputs.transpose();
    else
      mutableWeightsOf(grad, layer).noalias() =
          delta * ws.m_activation[l - 1].leftCols(batch).transpose();
    mutableBiasOf(grad, layer) = delta.rowwise().sum();
    if (l == 0) continue;
    auto below = ws.m_delta[l - 1].leftCols(batch);
    below.noalias() = weightsOf(params, layer).transpose() * delta;
    multiplyByDerivative(m_activation, ws.m_preActivation[l - 1].leftCols(batch),
                         ws.m_activation[l - 1].leftCols(batch), below);
  }
  addPenaltyGradient(m_regularization, m_layers, params, grad);
  return dataLoss + penalty(m_regularization, m_layers, params);
}

}  // namespace optiscope

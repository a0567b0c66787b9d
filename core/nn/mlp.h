#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "core/nn/activation.h"
#include "core/nn/initialization.h"
#include "core/nn/loss.h"
#include "core/nn/mlp_layout.h"
#include "core/nn/regularization.h"

namespace optiscope {

class Mlp;

// The first columns of a workspace matrix: what forward() hands back without copying.
using ConstColumns = Eigen::Block<const Eigen::MatrixXd, Eigen::Dynamic, Eigen::Dynamic, true>;

// Scratch matrices for one thread's forward and backward passes, sized once for up to
// capacity() examples, so that a training step allocates nothing. After Mlp::forward(),
// neuronOutputs() holds every hidden neuron's output per example (the GUI's neuron thumbnails).
class MlpWorkspace {
 public:
  Eigen::Index capacity() const { return m_capacity; }
  // Outputs of hidden layer `hidden` (0-based; rows = neurons) for the last forward batch.
  ConstColumns neuronOutputs(size_t hidden) const { return m_activation[hidden].leftCols(m_batch); }
  ConstColumns logits() const { return m_preActivation.back().leftCols(m_batch); }

 private:
  friend class Mlp;
  Eigen::Index m_capacity = 0;
  Eigen::Index m_batch = 0;
  // Per layer (hidden layers, then output): z = W·a + b, a = f(z), and δ = ∂loss/∂z.
  std::vector<Eigen::MatrixXd> m_preActivation, m_activation, m_delta;
};

// A multilayer perceptron on one flat parameter vector (layout: mlp_layout.h), so that every
// optimizer of the library trains it unchanged. Examples are columns: inputs is
// (shape().inputs × batch). Hidden layers use `activation`; the output layer is linear and the
// loss applies its own link (loss.h). Mlp itself is immutable and can be shared between
// threads; each thread brings its own MlpWorkspace.
class Mlp {
 public:
  // Throws SpecError for a shape outside the limits or an output count the loss cannot use.
  Mlp(MlpShape shape, Activation activation, Loss loss, Regularization regularization = {});

  const MlpShape& shape() const { return m_shape; }
  Activation activation() const { return m_activation; }
  Loss loss() const { return m_loss; }
  const Regularization& regularization() const { return m_regularization; }
  const std::vector<LayerView>& layers() const { return m_layers; }
  Eigen::Index parameterCount() const { return m_layers.back().end(); }

  MlpWorkspace makeWorkspace(Eigen::Index capacity) const;
  void initialize(Eigen::Ref<Eigen::VectorXd> params, Initialization init,
                  std::uint64_t seed) const;

  // Runs the batch (at most workspace.capacity() columns) through the network and returns the
  // output logits (outputs × batch), which live in the workspace until its next use.
  ConstColumns forward(const Eigen::Ref<const Eigen::VectorXd>& params,
                       const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                       MlpWorkspace& workspace) const;
  // Mean loss over the batch plus the regularization penalty.
  double loss(const Eigen::Ref<const Eigen::VectorXd>& params,
              const Eigen::Ref<const Eigen::MatrixXd>& inputs,
              const Eigen::Ref<const Eigen::VectorXd>& targets, MlpWorkspace& workspace) const;
  // The same, and its gradient with respect to params written into grad (preallocated, size
  // parameterCount()). Allocates nothing.
  double lossAndGradient(const Eigen::Ref<const Eigen::VectorXd>& params,
                         const Eigen::Ref<const Eigen::MatrixXd>& inputs,
                         const Eigen::Ref<const Eigen::VectorXd>& targets, MlpWorkspace& workspace,
                         Eigen::Ref<Eigen::VectorXd> grad) const;

 private:
  MlpShape m_shape;
  Activation m_activation;
  Loss m_loss;
  Regularization m_regularization;
  std::vector<LayerView> m_layers;
};

}  // namespace optiscope

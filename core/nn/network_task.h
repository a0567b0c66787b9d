#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/nn/batch_order.h"
#include "core/nn/dataset.h"
#include "core/nn/features.h"
#include "core/nn/initialization.h"
#include "core/nn/loss.h"
#include "core/nn/mlp.h"
#include "core/nn/regularization.h"

namespace optiscope {

// What a user chooses about the network and its training, apart from the data and the
// optimizer. The defaults are Playground's first screen: x1, x2 in, two tanh layers of 8.
struct NetworkSettings {
  std::vector<Feature> features = {Feature::X1, Feature::X2};
  std::vector<int> hidden = {8, 8};
  Activation activation = Activation::Tanh;
  std::optional<Loss> loss;  // nullopt = auto (see resolveLoss)
  Regularization regularization;
  Initialization initialization = Initialization::Auto;
  int batchSize = 10;
  std::uint64_t seed = 0;  // initial weights and the batch order of every epoch

  bool operator==(const NetworkSettings&) const = default;
};

// auto: mse for regression, bce for two classes, cross_entropy for more. Throws SpecError
// when the loss does not fit the data (mse on classes, bce or cross_entropy on regression,
// bce on more than two classes).
Loss resolveLoss(std::optional<Loss> choice, const Dataset& data);

// Loss and accuracy over whole sets; the losses are data losses (the mean over the set,
// without the regularization penalty, as Playground reports them); accuracy is nullopt for
// regression.
struct NetworkMetrics {
  double trainLoss = 0.0, testLoss = 0.0;
  std::optional<double> trainAccuracy, testAccuracy;
};

// The training problem of one network: data, features, network, loss and minibatches. It is
// the objective that optimizers minimize: lossAndGradient() on the current minibatch, then
// advanceBatch(). Copies share the (immutable) data and have their own batch position and
// scratch space, so several runs can train the same problem side by side.
class NetworkTask {
 public:
  // Throws SpecError for settings that do not fit the data (see resolveLoss, validateShape,
  // BatchOrder).
  NetworkTask(std::shared_ptr<const DataSplit> data, NetworkSettings settings);

  const NetworkSettings& settings() const { return m_settings; }
  const DataSplit& data() const { return *m_data; }
  const std::shared_ptr<const DataSplit>& sharedData() const { return m_data; }
  const Mlp& mlp() const { return m_mlp; }
  Eigen::Index parameterCount() const { return m_mlp.parameterCount(); }
  // Feature values of the sets, one column per example.
  const Eigen::MatrixXd& trainInputs() const { return m_inputs->train; }
  const Eigen::MatrixXd& testInputs() const { return m_inputs->test; }

  // The seeded initial network: the same settings give the same vector.
  Eigen::VectorXd initialParameters() const;

  // Mean loss on the current minibatch plus the penalty, and its gradient into grad (size
  // parameterCount()). Allocates nothing.
  double lossAndGradient(const Eigen::Ref<const Eigen::VectorXd>& params,
                         Eigen::Ref<Eigen::VectorXd> grad);
  void advanceBatch() { m_batches.advance(); }
  void restartBatches() { m_batches.restart(); }
  const BatchOrder& batches() const { return m_batches; }

  NetworkMetrics evaluate(const Eigen::Ref<const Eigen::VectorXd>& params);
  // Mean loss over the whole training set plus the penalty: the surface that minibatch
  // training descends (what a loss-landscape slice shows).
  double trainingObjective(const Eigen::Ref<const Eigen::VectorXd>& params);

 private:
  struct Inputs {
    Eigen::MatrixXd train, test;
  };
  struct SetSums {
    double loss = 0.0;
    Eigen::Index correct = 0;
  };
  SetSums sumOver(const Eigen::Ref<const Eigen::VectorXd>& params, const Eigen::MatrixXd& inputs,
                  const Eigen::VectorXd& targets, bool countCorrect);

  std::shared_ptr<const DataSplit> m_data;
  NetworkSettings m_settings;
  Mlp m_mlp;
  std::shared_ptr<const Inputs> m_inputs;
  BatchOrder m_batches;
  MlpWorkspace m_workspace;
  Eigen::MatrixXd m_batchInputs;
  Eigen::VectorXd m_batchTargets;
};

}  // namespace optiscope

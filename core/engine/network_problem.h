#pragma once

#include <memory>

#include "core/engine/problem.h"
#include "core/nn/dataset.h"
#include "core/nn/network_task.h"

namespace optiscope {

// A small network's training task as a Problem: the loss of the current minibatch (plus the
// penalty) and its gradient by backpropagation; advance() moves to the next minibatch, so one
// step is one minibatch update and an epoch is one pass over the training set. At each epoch
// boundary, measureEpoch() evaluates the whole train and test sets and the per-layer
// distribution of η_eff.
class NetworkProblem final : public Problem {
 public:
  // Throws SpecError when the settings do not fit the data (see NetworkTask).
  NetworkProblem(std::shared_ptr<const DataSplit> data, NetworkSettings settings);
  explicit NetworkProblem(NetworkTask task);

  const NetworkTask& task() const { return m_task; }
  NetworkTask& task() { return m_task; }
  const std::shared_ptr<const DataSplit>& data() const { return m_task.sharedData(); }
  const NetworkSettings& settings() const { return m_task.settings(); }

  std::unique_ptr<Problem> clone() const override;
  Eigen::Index dimension() const override { return m_task.parameterCount(); }
  // The seeded initial network: runs of different optimizers start from ONE network.
  Eigen::VectorXd defaultStart() const override { return m_task.initialParameters(); }
  std::string describe() const override { return "the network"; }
  void restart() override { m_task.restartBatches(); }
  void advance() override { m_task.advanceBatch(); }
  double lossAndGradient(long long step, const Eigen::VectorXd& params,
                         Eigen::VectorXd& gradient) override;
  bool tracesVectors() const override { return false; }
  long long stepsPerEpoch() const override { return m_task.batches().batchesPerEpoch(); }
  EpochRecord measureEpoch(long long step, const Eigen::VectorXd& params,
                           const Eigen::VectorXd& effectiveLr) override;

 private:
  NetworkTask m_task;
};

// The problem of a config known to train a network, or null.
const NetworkProblem* networkProblemOf(const Problem* problem);

}  // namespace optiscope

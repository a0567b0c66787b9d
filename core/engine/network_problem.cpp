#include "core/engine/network_problem.h"

#include <utility>

#include "core/nn/layer_rate_bands.h"

namespace optiscope {

NetworkProblem::NetworkProblem(std::shared_ptr<const DataSplit> data, NetworkSettings settings)
    : m_task(std::move(data), std::move(settings)) {}

NetworkProblem::NetworkProblem(NetworkTask task) : m_task(std::move(task)) {}

std::unique_ptr<Problem> NetworkProblem::clone() const {
  return std::make_unique<NetworkProblem>(*this);
}

double NetworkProblem::lossAndGradient(long long, const Eigen::VectorXd& params,
                                       Eigen::VectorXd& gradient) {
  return m_task.lossAndGradient(params, gradient);
}

EpochRecord NetworkProblem::measureEpoch(long long step, const Eigen::VectorXd& params,
                                         const Eigen::VectorXd& effectiveLr) {
  EpochRecord record;
  record.epoch = step / stepsPerEpoch();
  record.step = step;
  record.metrics = m_task.evaluate(params);
  record.layerRates = layerRateBands(m_task.mlp().layers(), effectiveLr);
  record.params = params;
  return record;
}

const NetworkProblem* networkProblemOf(const Problem* problem) {
  return dynamic_cast<const NetworkProblem*>(problem);
}

}  // namespace optiscope

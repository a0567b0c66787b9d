#include "core/nn/network_task.h"

#include <algorithm>
#include <string>

#include "core/nn/random.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// Whole-set evaluation runs in chunks of this many examples through the workspace.
constexpr Eigen::Index kEvaluationChunk = 256;
constexpr std::uint64_t kInitStream = 0x494e4954ull;  // "INIT"

const std::shared_ptr<const DataSplit>& checked(const std::shared_ptr<const DataSplit>& data) {
  if (!data) throw SpecError("a network task needs data");
  return data;
}

Mlp buildMlp(const NetworkSettings& settings, const Dataset& data) {
  const Loss loss = resolveLoss(settings.loss, data);
  const MlpShape shape{static_cast<int>(settings.features.size()), settings.hidden,
                       outputCount(loss, data.classes)};
  return Mlp(shape, settings.activation, loss, settings.regularization);
}

}  // namespace

Loss resolveLoss(std::optional<Loss> choice, const Dataset& data) {
  if (data.kind == TaskKind::Regression) {
    if (choice && *choice != Loss::SquaredError)
      throw SpecError("loss " + std::string(lossName(*choice)) +
                      " is for classes; regression data needs mse");
    return Loss::SquaredError;
  }
  if (!choice) return data.classes == 2 ? Loss::BinaryCrossEntropy : Loss::SoftmaxCrossEntropy;
  if (*choice == Loss::SquaredError)
    throw SpecError("loss mse is for regression; class data needs bce or cross_entropy");
  if (*choice == Loss::BinaryCrossEntropy && data.classes != 2)
    throw SpecError("loss bce is for two classes; this data has " + std::to_string(data.classes) +
                    ", use cross_entropy");
  return *choice;
}

NetworkTask::NetworkTask(std::shared_ptr<const DataSplit> data, NetworkSettings settings)
    : m_data(checked(data)),
      m_settings(std::move(settings)),
      m_mlp(buildMlp(m_settings, m_data->train)),
      m_inputs(std::make_shared<const Inputs>(
          Inputs{featureMatrix(m_data->train.points, m_settings.features),
                 featureMatrix(m_data->test.points, m_settings.features)})),
      m_batches(m_data->train.size(), m_settings.batchSize, m_settings.seed),
      m_workspace(
          m_mlp.makeWorkspace(std::max<Eigen::Index>(m_settings.batchSize, kEvaluationChunk))),
      m_batchInputs(m_inputs->train.rows(), m_settings.batchSize),
      m_batchTargets(m_settings.batchSize) {}

Eigen::VectorXd NetworkTask::initialParameters() const {
  Eigen::VectorXd params(parameterCount());
  m_mlp.initialize(params, m_settings.initialization, deriveSeed(m_settings.seed, kInitStream));
  return params;
}

double NetworkTask::lossAndGradient(const Eigen::Ref<const Eigen::VectorXd>& params,
                                    Eigen::Ref<Eigen::VectorXd> grad) {
  const auto batch = m_batches.current();
  const auto size = static_cast<Eigen::Index>(batch.size());
  for (Eigen::Index j = 0; j < size; ++j) {
    const Eigen::Index example = batch[static_cast<size_t>(j)];
    m_batchInputs.col(j) = m_inputs->train.col(example);
    m_batchTargets[j] = m_data->train.targets[example];
  }
  return m_mlp.lossAndGradient(params, m_batchInputs.leftCols(size), m_batchTargets.head(size),
                               m_workspace, grad);
}

NetworkTask::SetSums NetworkTask::sumOver(const Eigen::Ref<const Eigen::VectorXd>& params,
                                          const Eigen::MatrixXd& inputs,
                                          const Eigen::VectorXd& targets, bool countCorrect) {
  SetSums sums;
  const Eigen::Index chunk = m_workspace.capacity();
  for (Eigen::Index start = 0; start < inputs.cols(); start += chunk) {
    const Eigen::Index count = std::min(chunk, inputs.cols() - start);
    const auto logits = m_mlp.forward(params, inputs.middleCols(start, count), m_workspace);
    const auto chunkTargets = targets.segment(start, count);
    sums.loss += sumLoss(m_mlp.loss(), logits, chunkTargets);
    if (countCorrect) sums.correct += optiscope::countCorrect(m_mlp.loss(), logits, chunkTargets);
  }
  return sums;
}

NetworkMetrics NetworkTask::evaluate(const Eigen::Ref<const Eigen::VectorXd>& params) {
  const bool classes = m_data->train.kind == TaskKind::Classification;
  NetworkMetrics metrics;
  const auto measure = [&](const Eigen::MatrixXd& inputs, const Dataset& set, double& loss,
                           std::optional<double>& accuracy) {
    const SetSums sums = sumOver(params, inputs, set.targets, classes);
    const auto n = static_cast<double>(set.size());
    loss = sums.loss / n;
    if (classes) accuracy = static_cast<double>(sums.correct) / n;
  };
  measure(m_inputs->train, m_data->train, metrics.trainLoss, metrics.trainAccuracy);
  measure(m_inputs->test, m_data->test, metrics.testLoss, metrics.testAccuracy);
  return metrics;
}

double NetworkTask::trainingObjective(const Eigen::Ref<const Eigen::VectorXd>& params) {
  const SetSums sums = sumOver(params, m_inputs->train, m_data->train.targets, false);
  return sums.loss / static_cast<double>(m_data->train.size()) +
         penalty(m_mlp.regularization(), m_mlp.layers(), params);
}

}  // namespace optiscope

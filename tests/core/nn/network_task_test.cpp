#include "core/nn/network_task.h"

#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

std::shared_ptr<const DataSplit> splitOf(const char* name, int points = 200, double ratio = 0.5) {
  return std::make_shared<const DataSplit>(
      splitDataset(generateDataset(name, {points, 0.1, 2}), ratio, 2));
}

NetworkSettings settings(int batch, std::uint64_t seed = 4) {
  NetworkSettings s;
  s.features = parseFeatures("x1,x2,x1x2");
  s.hidden = {5, 3};
  s.batchSize = batch;
  s.seed = seed;
  return s;
}

}  // namespace

TEST_CASE("an epoch visits every training example once in a seeded order") {
  NetworkTask task(splitOf("xor", 95), settings(8));  // 47 training examples
  const BatchOrder& batches = task.batches();
  REQUIRE(batches.batchesPerEpoch() == 6);
  std::vector<Eigen::Index> epoch0, epoch1;
  for (int b = 0; b < 6; ++b) {
    CHECK(batches.epoch() == 0);
    CHECK(batches.current().size() == (b < 5 ? 8u : 7u));
    epoch0.insert(epoch0.end(), batches.current().begin(), batches.current().end());
    task.advanceBatch();
  }
  CHECK(batches.epoch() == 1);
  CHECK(batches.batchInEpoch() == 0);
  for (int b = 0; b < 6; ++b, task.advanceBatch())
    epoch1.insert(epoch1.end(), batches.current().begin(), batches.current().end());
  CHECK(std::set<Eigen::Index>(epoch0.begin(), epoch0.end()).size() == 47);
  CHECK(std::set<Eigen::Index>(epoch1.begin(), epoch1.end()).size() == 47);
  CHECK(*std::max_element(epoch0.begin(), epoch0.end()) == 46);
  CHECK(epoch0 != epoch1);  // reshuffled every epoch

  NetworkTask again(splitOf("xor", 95), settings(8));
  std::vector<Eigen::Index> replay;
  for (int b = 0; b < 6; ++b, again.advanceBatch())
    replay.insert(replay.end(), again.batches().current().begin(), again.batches().current().end());
  CHECK(replay == epoch0);
  NetworkTask otherSeed(splitOf("xor", 95), settings(8, 5));
  CHECK(std::vector<Eigen::Index>(otherSeed.batches().current().begin(),
                                  otherSeed.batches().current().end()) !=
        std::vector<Eigen::Index>(epoch0.begin(), epoch0.begin() + 8));

  task.restartBatches();
  CHECK(std::equal(epoch0.begin(), epoch0.begin() + 8, task.batches().current().begin()));
}

TEST_CASE("the task's minibatch gradient is the network's on the batch's features") {
  auto data = splitOf("spiral3", 120);
  NetworkSettings s = settings(7);
  s.regularization = {Regularization::Kind::L2, 0.01};
  NetworkTask task(data, s);
  CHECK(task.mlp().loss() == Loss::SoftmaxCrossEntropy);
  CHECK(task.mlp().shape().outputs == 3);
  task.advanceBatch();
  task.advanceBatch();
  const Eigen::VectorXd params = task.initialParameters();
  Eigen::VectorXd grad(task.parameterCount()), expectedGrad(task.parameterCount());
  const double loss = task.lossAndGradient(params, grad);

  const auto batch = task.batches().current();
  Eigen::MatrixXd inputs(3, 7);
  Eigen::VectorXd targets(7);
  for (int j = 0; j < 7; ++j) {
    const Eigen::Index e = batch[static_cast<size_t>(j)];
    const double x1 = data->train.points(0, e), x2 = data->train.points(1, e);
    inputs.col(j) << x1, x2, x1 * x2;
    targets[j] = data->train.targets[e];
  }
  MlpWorkspace workspace = task.mlp().makeWorkspace(7);
  const double expected =
      task.mlp().lossAndGradient(params, inputs, targets, workspace, expectedGrad);
  CHECK(loss == expected);
  CHECK(grad == expectedGrad);
}

TEST_CASE("the loss is chosen from the data and a loss that does not fit is refused") {
  const auto classes2 = splitOf("circle");
  const auto classes3 = splitOf("spiral3");
  const auto values = splitOf("plane");
  CHECK(resolveLoss(std::nullopt, classes2->train) == Loss::BinaryCrossEntropy);
  CHECK(resolveLoss(std::nullopt, classes3->train) == Loss::SoftmaxCrossEntropy);
  CHECK(resolveLoss(std::nullopt, values->train) == Loss::SquaredError);
  CHECK(resolveLoss(Loss::SoftmaxCrossEntropy, classes2->train) == Loss::SoftmaxCrossEntropy);
  CHECK_THROWS_WITH(resolveLoss(Loss::BinaryCrossEntropy, classes3->train), Catch::Contains("bce"));
  CHECK_THROWS_WITH(resolveLoss(Loss::SquaredError, classes2->train), Catch::Contains("mse"));
  CHECK_THROWS_WITH(resolveLoss(Loss::BinaryCrossEntropy, values->train),
                    Catch::Contains("regression"));
}

TEST_CASE("task settings are validated") {
  CHECK_THROWS_WITH(NetworkTask(splitOf("circle", 100), settings(0)), Catch::Contains("batch"));
  CHECK_THROWS_WITH(NetworkTask(splitOf("circle", 100), settings(51)), Catch::Contains("50"));
  CHECK_NOTHROW(NetworkTask(splitOf("circle", 100), settings(50)));
  NetworkSettings wide = settings(10);
  wide.hidden = {4, 20};
  CHECK_THROWS_WITH(NetworkTask(splitOf("circle", 100), wide), Catch::Contains("20 neurons"));
  CHECK_THROWS_AS(NetworkTask(nullptr, settings(10)), SpecError);
}

TEST_CASE("whole-set metrics give losses and accuracy for classes only") {
  NetworkTask classes(splitOf("circle"), settings(10));
  const Eigen::VectorXd p = classes.initialParameters();
  CHECK(p == classes.initialParameters());
  const NetworkMetrics m = classes.evaluate(p);
  REQUIRE(m.trainAccuracy.has_value());
  REQUIRE(m.testAccuracy.has_value());
  CHECK(*m.testAccuracy >= 0.0);
  CHECK(*m.testAccuracy <= 1.0);
  CHECK(m.trainLoss > 0.0);
  // The whole-set loss is the mean of per-example losses: one big batch gives the same.
  const Dataset& train = classes.data().train;
  MlpWorkspace workspace = classes.mlp().makeWorkspace(train.size());
  CHECK(classes.mlp().loss(p, classes.trainInputs(), train.targets, workspace) ==
        Approx(m.trainLoss).epsilon(1e-14));
  CHECK(classes.trainingObjective(p) == Approx(m.trainLoss).epsilon(1e-14));

  NetworkTask values(splitOf("multi_gaussian"), settings(10));
  const NetworkMetrics r = values.evaluate(values.initialParameters());
  CHECK_FALSE(r.trainAccuracy.has_value());
  CHECK_FALSE(r.testAccuracy.has_value());
  CHECK(r.testLoss > 0.0);
}

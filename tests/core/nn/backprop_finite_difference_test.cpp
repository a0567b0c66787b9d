// Backpropagation against central finite differences, for every activation x loss x penalty.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/nn/mlp.h"
#include "core/nn/random.h"

using namespace optiscope;

namespace {

struct Problem {
  Eigen::MatrixXd inputs;
  Eigen::VectorXd targets, params;
};

Problem randomProblem(const Mlp& mlp, Eigen::Index batch, std::uint64_t seed) {
  Random random(seed);
  Problem p;
  p.inputs.resize(mlp.shape().inputs, batch);
  for (double& x : p.inputs.reshaped()) x = random.uniform(-3.0, 3.0);
  p.targets.resize(batch);
  const int classes = mlp.loss() == Loss::SoftmaxCrossEntropy ? mlp.shape().outputs : 2;
  for (Eigen::Index j = 0; j < batch; ++j)
    p.targets[j] = mlp.loss() == Loss::SquaredError
                       ? random.uniform(-1.0, 1.0)
                       : static_cast<double>(random.below(static_cast<std::uint64_t>(classes)));
  p.params.resize(mlp.parameterCount());
  for (double& x : p.params) x = 0.8 * random.normal();
  return p;
}

}  // namespace

TEST_CASE("backprop agrees with central finite differences") {
  const Regularization penalties[] = {
      {Regularization::Kind::None, 0.0},
      {Regularization::Kind::L1, 0.02},
      {Regularization::Kind::L2, 0.05},
  };
  std::uint64_t seed = 1;
  for (Activation activation :
       {Activation::Relu, Activation::Tanh, Activation::Sigmoid, Activation::Linear}) {
    for (Loss loss : {Loss::SquaredError, Loss::BinaryCrossEntropy, Loss::SoftmaxCrossEntropy}) {
      for (const Regularization& penalty : penalties) {
        const int outputs = loss == Loss::SoftmaxCrossEntropy ? 3 : 1;
        const Mlp mlp({3, {4, 5}, outputs}, activation, loss, penalty);
        INFO(activationName(activation)
             << " " << lossName(loss) << " " << regularizationName(penalty.kind));
        const Problem p = randomProblem(mlp, 6, ++seed);
        MlpWorkspace workspace = mlp.makeWorkspace(6);
        Eigen::VectorXd gradient(mlp.parameterCount());
        const double value =
            mlp.lossAndGradient(p.params, p.inputs, p.targets, workspace, gradient);
        CHECK(value == Approx(mlp.loss(p.params, p.inputs, p.targets, workspace)).epsilon(1e-15));

        double worst = 0.0;
        Eigen::VectorXd shifted = p.params;
        for (Eigen::Index i = 0; i < shifted.size(); ++i) {
          const double h = 1e-6 * std::max(1.0, std::abs(p.params[i]));
          shifted[i] = p.params[i] + h;
          const double up = mlp.loss(shifted, p.inputs, p.targets, workspace);
          shifted[i] = p.params[i] - h;
          const double down = mlp.loss(shifted, p.inputs, p.targets, workspace);
          shifted[i] = p.params[i];
          const double numeric = (up - down) / (2.0 * h);
          worst = std::max(worst, std::abs(numeric - gradient[i]) / (1.0 + std::abs(gradient[i])));
        }
        CHECK(worst < 1e-7);
      }
    }
  }
}

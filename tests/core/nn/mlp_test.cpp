#include "core/nn/mlp.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <string>

#include "core/nn/random.h"
#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using optiscope::testing::CountAllocations;

namespace {

Eigen::VectorXd counting(Eigen::Index n, double scale) {
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = scale * static_cast<double>(i + 1) * (i % 2 ? -1 : 1);
  return v;
}

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const SpecError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the flat layout is per layer W row-major (out x in) then b") {
  const MlpShape shape{2, {3}, 1};
  const auto layers = layerViews(shape);
  REQUIRE(layers.size() == 2);
  CHECK(layers[0].weightOffset == 0);
  CHECK(layers[0].biasOffset() == 6);
  CHECK(layers[1].weightOffset == 9);
  CHECK(layers[1].biasOffset() == 12);
  CHECK(layers[1].end() == 13);

  // A linear network evaluated by hand from the documented index formula.
  const Mlp mlp(shape, Activation::Linear, Loss::SquaredError);
  REQUIRE(mlp.parameterCount() == 13);
  const Eigen::VectorXd p = counting(13, 0.1);
  const double x[2] = {0.7, -1.3};
  double expected = p[12];
  for (int j = 0; j < 3; ++j) {
    double hidden = p[6 + j];
    for (int i = 0; i < 2; ++i) hidden += p[j * 2 + i] * x[i];
    expected += p[9 + j] * hidden;
  }
  Eigen::MatrixXd inputs(2, 1);
  inputs << x[0], x[1];
  MlpWorkspace workspace = mlp.makeWorkspace(4);
  const auto logits = mlp.forward(p, inputs, workspace);
  REQUIRE(logits.rows() == 1);
  REQUIRE(logits.cols() == 1);
  CHECK(logits(0, 0) == Approx(expected).epsilon(1e-14));
  CHECK(weightsOf(p, layers[0])(2, 1) == p[5]);
  CHECK(biasOf(p, layers[1])[0] == p[12]);
}

TEST_CASE("hidden neuron outputs are available after a forward pass") {
  const Mlp mlp({2, {3, 2}, 1}, Activation::Tanh, Loss::BinaryCrossEntropy);
  const Eigen::VectorXd p = counting(mlp.parameterCount(), 0.05);
  Eigen::MatrixXd inputs(2, 3);
  inputs << 1, 2, -3, 0.5, -1, 2;
  MlpWorkspace workspace = mlp.makeWorkspace(8);
  mlp.forward(p, inputs, workspace);
  const auto& first = mlp.layers()[0];
  const Eigen::MatrixXd expected =
      ((weightsOf(p, first) * inputs).colwise() + biasOf(p, first)).array().tanh().matrix();
  REQUIRE(workspace.neuronOutputs(0).rows() == 3);
  REQUIRE(workspace.neuronOutputs(0).cols() == 3);
  CHECK((workspace.neuronOutputs(0) - expected).cwiseAbs().maxCoeff() < 1e-15);
  CHECK(workspace.neuronOutputs(1).rows() == 2);
}

TEST_CASE("network shapes are validated with messages that name the problem") {
  CHECK(messageOf([] {
          Mlp({2, {17}, 1}, Activation::Relu, Loss::SquaredError);
        }).find("17 neurons") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({2, {4, 0}, 1}, Activation::Relu, Loss::SquaredError);
        }).find("layer 2") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({2, {1, 1, 1, 1, 1, 1, 1}, 1}, Activation::Relu, Loss::SquaredError);
        }).find("7 hidden layers") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({0, {}, 1}, Activation::Relu, Loss::SquaredError);
        }).find("input") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({2, {}, 2}, Activation::Relu, Loss::BinaryCrossEntropy);
        }).find("bce") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({2, {}, 1}, Activation::Relu, Loss::SoftmaxCrossEntropy);
        }).find("cross_entropy") != std::string::npos);
  CHECK(messageOf([] {
          Mlp({2, {}, 1}, Activation::Relu, Loss::SquaredError, {Regularization::Kind::L2, -1.0});
        }).find("rate") != std::string::npos);
  CHECK_NOTHROW(Mlp({7, {16, 16, 16, 16, 16, 16}, 5}, Activation::Relu, Loss::SoftmaxCrossEntropy));
  CHECK_NOTHROW(Mlp({1, {}, 1}, Activation::Linear, Loss::SquaredError));
}

TEST_CASE("hidden layer lists parse with 0 or nothing meaning no hidden layer") {
  CHECK(parseHiddenLayers("8,8") == std::vector<int>{8, 8});
  CHECK(parseHiddenLayers("16") == std::vector<int>{16});
  CHECK(parseHiddenLayers("0").empty());
  CHECK(parseHiddenLayers("").empty());
  CHECK(parseHiddenLayers("1,2,3,4,5,6").size() == 6);
  CHECK_THROWS_WITH(parseHiddenLayers("1,2,3,4,5,6,7"), Catch::Contains("7 hidden layers"));
  CHECK_THROWS_WITH(parseHiddenLayers("4,17"), Catch::Contains("layer 2 has 17 neurons"));
  CHECK_THROWS_WITH(parseHiddenLayers("4,x"), Catch::Contains("'x'"));
  CHECK_THROWS_WITH(parseHiddenLayers("4,,4"), Catch::Contains("hidden"));
  CHECK_THROWS_WITH(parseHiddenLayers("-3"), Catch::Contains("-3 neurons"));
}

TEST_CASE("initialization is seeded and has the documented scale") {
  const Mlp mlp({7, {16, 16}, 1}, Activation::Tanh, Loss::SquaredError);
  Eigen::VectorXd a(mlp.parameterCount()), b(mlp.parameterCount()), c(mlp.parameterCount());
  mlp.initialize(a, Initialization::Glorot, 5);
  mlp.initialize(b, Initialization::Glorot, 5);
  mlp.initialize(c, Initialization::Glorot, 6);
  CHECK(a == b);
  CHECK(a != c);

  for (const LayerView& layer : mlp.layers()) {
    const auto w = a.segment(layer.weightOffset, layer.weightCount());
    const double bound = std::sqrt(6.0 / static_cast<double>(layer.inputs + layer.outputs));
    CHECK(w.cwiseAbs().maxCoeff() <= bound);
    CHECK(w.cwiseAbs().maxCoeff() > 0.8 * bound);  // uniform over the whole interval
    CHECK(biasOf(a, layer).isZero());
  }

  // He: N(0, 2/fan_in); the 16x16 layer has 256 draws, whose variance is within 25 %.
  const Mlp relu({16, {16, 16}, 1}, Activation::Relu, Loss::SquaredError);
  Eigen::VectorXd h(relu.parameterCount());
  relu.initialize(h, Initialization::Auto, 9);
  const LayerView& middle = relu.layers()[1];
  const auto w = h.segment(middle.weightOffset, middle.weightCount());
  const double variance = w.squaredNorm() / static_cast<double>(w.size());
  CHECK(variance == Approx(2.0 / 16.0).epsilon(0.25));
  CHECK(w.cwiseAbs().maxCoeff() > std::sqrt(6.0 / 32.0));  // not glorot's uniform bound
}

TEST_CASE("a training step allocates nothing once the workspace exists") {
  const Mlp mlp({4, {8, 8}, 3}, Activation::Relu, Loss::SoftmaxCrossEntropy,
                {Regularization::Kind::L1, 0.01});
  MlpWorkspace workspace = mlp.makeWorkspace(32);
  Random random(3);
  Eigen::MatrixXd inputs(4, 32);
  for (double& x : inputs.reshaped()) x = random.normal();
  Eigen::VectorXd targets(32), params(mlp.parameterCount()), gradient(mlp.parameterCount());
  for (double& t : targets) t = static_cast<double>(random.below(3));
  mlp.initialize(params, Initialization::He, 1);
  double total = 0.0;
  std::size_t allocated = 0;
  {
    CountAllocations allocations;
    for (Eigen::Index batch : {32, 10, 1}) {
      total += mlp.lossAndGradient(params, inputs.leftCols(batch), targets.head(batch), workspace,
                                   gradient);
      total += mlp.loss(params, inputs.leftCols(batch), targets.head(batch), workspace);
    }
    allocated = allocations.count();
  }
  CHECK(allocated == 0);
  CHECK(std::isfinite(total));
}

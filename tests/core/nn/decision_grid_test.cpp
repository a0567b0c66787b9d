#include "core/nn/decision_grid.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using optiscope::testing::CountAllocations;

namespace {

struct Net {
  Mlp mlp;
  std::vector<Feature> features;
  Eigen::VectorXd params;
};

Net makeNet(std::vector<Feature> features, std::vector<int> hidden, Loss loss, int outputs,
            std::uint64_t seed) {
  Mlp mlp(MlpShape{static_cast<int>(features.size()), std::move(hidden), outputs}, Activation::Tanh,
          loss);
  Eigen::VectorXd params(mlp.parameterCount());
  mlp.initialize(params, Initialization::Glorot, seed);
  // Non-zero biases, so a wrong bias handling would show.
  for (const LayerView& layer : mlp.layers())
    for (Eigen::Index j = 0; j < layer.outputs; ++j)
      params[layer.biasOffset() + j] = 0.1 * static_cast<double>(j + 1);
  return {std::move(mlp), std::move(features), std::move(params)};
}

// The network run on grid row iy through Mlp::forward directly, on points built independently.
void checkRowsMatchForward(const Net& net, const DecisionGrid& grid) {
  const int r = grid.resolution;
  const double width = grid.box.x1Max - grid.box.x1Min;
  const double height = grid.box.x2Max - grid.box.x2Min;
  MlpWorkspace workspace = net.mlp.makeWorkspace(r);
  for (int iy = 0; iy < r; ++iy) {
    Eigen::Matrix2Xd points(2, r);
    for (int ix = 0; ix < r; ++ix)
      points.col(ix) << grid.box.x1Min + (ix + 0.5) * width / r,
          grid.box.x2Min + (iy + 0.5) * height / r;
    const Eigen::MatrixXd inputs = featureMatrix(points, net.features);
    const auto logits = net.mlp.forward(net.params, inputs, workspace);
    Eigen::MatrixXd expected(logits.rows(), logits.cols());
    applyLink(net.mlp.loss(), logits, expected);
    for (int ix = 0; ix < r; ++ix) {
      const Eigen::Index p = Eigen::Index(iy) * r + ix;
      for (Eigen::Index o = 0; o < expected.rows(); ++o)
        REQUIRE(grid.outputs(o, p) == expected(o, ix));
      for (size_t h = 0; h < grid.neurons.size(); ++h)
        for (Eigen::Index n = 0; n < grid.neurons[h].rows(); ++n)
          REQUIRE(grid.neurons[h](n, p) == workspace.neuronOutputs(h)(n, ix));
    }
  }
}

}  // namespace

TEST_CASE("decision grid values equal Mlp::forward and its link at the same points, bitwise") {
  DecisionGridEvaluator evaluator;
  DecisionGrid grid;
  const GridBox box{-3.0, 5.0, -2.0, 4.0};

  SECTION("bce: P(class 1), two hidden layers") {
    const Net net =
        makeNet({Feature::X1, Feature::X2, Feature::SinX1}, {5, 3}, Loss::BinaryCrossEntropy, 1, 7);
    evaluator.evaluate(net.mlp, net.features, net.params, box, 17, grid);
    REQUIRE(grid.outputs.rows() == 1);
    REQUIRE(grid.outputs.cols() == 17 * 17);
    REQUIRE(grid.neurons.size() == 2);
    CHECK(grid.neurons[0].rows() == 5);
    CHECK(grid.neurons[1].rows() == 3);
    checkRowsMatchForward(net, grid);
    CHECK(grid.outputs.minCoeff() > 0.0);
    CHECK(grid.outputs.maxCoeff() < 1.0);
  }
  SECTION("cross entropy: per-class probabilities summing to one") {
    const Net net = makeNet({Feature::X1, Feature::X2, Feature::X1TimesX2}, {6},
                            Loss::SoftmaxCrossEntropy, 3, 3);
    evaluator.evaluate(net.mlp, net.features, net.params, box, 9, grid);
    REQUIRE(grid.outputs.rows() == 3);
    checkRowsMatchForward(net, grid);
    for (Eigen::Index p = 0; p < grid.outputs.cols(); ++p)
      CHECK(grid.outputs.col(p).sum() == Approx(1.0).epsilon(1e-12));
  }
  SECTION("regression without hidden layers: the linear value") {
    const Net net = makeNet({Feature::X1, Feature::X2}, {}, Loss::SquaredError, 1, 5);
    evaluator.evaluate(net.mlp, net.features, net.params, box, 4, grid);
    CHECK(grid.neurons.empty());
    checkRowsMatchForward(net, grid);
    // A linear model: the value at a cell centre is w·x + b.
    const double x1 = grid.x1At(3), x2 = grid.x2At(1);
    CHECK(grid.outputs(0, 1 * 4 + 3) ==
          Approx(net.params[0] * x1 + net.params[1] * x2 + net.params[2]).epsilon(1e-14));
  }
}

TEST_CASE("grid cells are centred inside the box, row 0 at the bottom") {
  DecisionGrid grid;
  grid.resolution = 4;
  grid.box = GridBox{0.0, 8.0, -4.0, 0.0};
  CHECK(grid.x1At(0) == 1.0);
  CHECK(grid.x1At(3) == 7.0);
  CHECK(grid.x2At(0) == -3.5);
  CHECK(grid.x2At(3) == -0.5);
}

TEST_CASE("re-evaluating the same shape and resolution allocates nothing") {
  const Net net = makeNet({Feature::X1, Feature::X2}, {8, 8}, Loss::BinaryCrossEntropy, 1, 1);
  DecisionGridEvaluator evaluator;
  DecisionGrid grid;
  evaluator.evaluate(net.mlp, net.features, net.params, GridBox{}, 32, grid);
  const Eigen::MatrixXd first = grid.outputs;
  Eigen::VectorXd moved = net.params * 1.5;
  std::size_t allocated = 0;
  {
    CountAllocations allocations;
    evaluator.evaluate(net.mlp, net.features, moved, GridBox{}, 32, grid);
    allocated = allocations.count();
  }
  CHECK(allocated == 0);
  CHECK(grid.outputs != first);
  // A different network shape on the same evaluator gets a fitting workspace.
  const Net wider = makeNet({Feature::X1, Feature::X2}, {3, 16, 2}, Loss::BinaryCrossEntropy, 1, 2);
  evaluator.evaluate(wider.mlp, wider.features, wider.params, GridBox{}, 8, grid);
  checkRowsMatchForward(wider, grid);
}

TEST_CASE("bad evaluation requests are SpecErrors") {
  const Net net = makeNet({Feature::X1, Feature::X2}, {4}, Loss::BinaryCrossEntropy, 1, 1);
  DecisionGridEvaluator evaluator;
  DecisionGrid grid;
  CHECK_THROWS_AS(evaluator.evaluate(net.mlp, {Feature::X1}, net.params, GridBox{}, 8, grid),
                  SpecError);
  CHECK_THROWS_AS(
      evaluator.evaluate(net.mlp, net.features, Eigen::VectorXd::Zero(3), GridBox{}, 8, grid),
      SpecError);
  CHECK_THROWS_AS(evaluator.evaluate(net.mlp, net.features, net.params, GridBox{}, 1, grid),
                  SpecError);
}

TEST_CASE("the data box covers every point with a margin and is square") {
  DataSplit split;
  split.train.points.resize(2, 2);
  split.train.points << -1.0, 3.0, 0.0, 1.0;  // x1 in [-1, 3], x2 in [0, 1]
  split.test.points.resize(2, 1);
  split.test.points << 0.0, 2.0;  // x2 up to 2
  const GridBox box = dataBox(split, 0.1);
  // Larger side 4 (x1), margin 0.4 each side; centred on (1, 1).
  CHECK(box.x1Min == Approx(-1.4));
  CHECK(box.x1Max == Approx(3.4));
  CHECK(box.x2Min == Approx(-1.4));
  CHECK(box.x2Max == Approx(3.4));
  CHECK(dataBox(DataSplit{}) == GridBox{});
}

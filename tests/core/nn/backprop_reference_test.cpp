// Loss and gradient of the MLP against torch 1.13 for fixed weights and a fixed batch, from
// tests/reference/nn/nn_backprop.ref (generator: tests/reference/nn/generate_nn_reference.py).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/nn/mlp.h"
#include "core/util/spec.h"
#include "support/reference_data.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr double kTolerance = 1e-12;

struct ReferenceCase {
  std::string header;
  std::string activation, loss, regularization;
  double rate = 0.0;
  MlpShape shape;
  Eigen::Index batch = 0;
  Eigen::VectorXd params, inputs, targets, gradient;
  double lossValue = 0.0;
};

Eigen::VectorXd numbersAfterTag(const std::string& line, const std::string& tag) {
  const auto words = splitWords(line);
  REQUIRE(!words.empty());
  REQUIRE(words[0] == tag);
  Eigen::VectorXd values(static_cast<Eigen::Index>(words.size() - 1));
  for (size_t i = 1; i < words.size(); ++i)
    values[static_cast<Eigen::Index>(i - 1)] = parseHexDouble(words[i]);
  return values;
}

std::vector<ReferenceCase> readCases() {
  const auto lines = readLines(referencePath("nn/nn_backprop.ref"));
  std::vector<ReferenceCase> cases;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("case ", 0) != 0) continue;
    REQUIRE(i + 5 < lines.size());
    const auto w = splitWords(lines[i]);
    REQUIRE(w.size() == 10);
    ReferenceCase c;
    c.header = lines[i];
    c.activation = w[2];
    c.loss = w[3];
    c.regularization = w[4];
    c.rate = parseHexDouble(w[5]);
    c.shape.inputs = std::stoi(w[6]);
    if (w[7] != "-")
      for (const auto& size : splitList(w[7], "hidden")) c.shape.hidden.push_back(std::stoi(size));
    c.shape.outputs = std::stoi(w[8]);
    c.batch = std::stol(w[9]);
    c.params = numbersAfterTag(lines[i + 1], "params");
    c.inputs = numbersAfterTag(lines[i + 2], "inputs");
    c.targets = numbersAfterTag(lines[i + 3], "targets");
    c.lossValue = numbersAfterTag(lines[i + 4], "loss")[0];
    c.gradient = numbersAfterTag(lines[i + 5], "gradient");
    cases.push_back(c);
  }
  return cases;
}

Loss lossNamed(const std::string& name) {
  const auto loss = parseLossChoice(name);
  REQUIRE(loss.has_value());
  return *loss;
}

}  // namespace

TEST_CASE("loss and gradient match torch 1.13 to 1e-12 for every activation x loss x penalty") {
  const auto cases = readCases();
  // 4 activations x 3 losses x 3 penalties, plus 8 cases of other shapes.
  REQUIRE(cases.size() == 44);
  double worstLoss = 0.0, worstGradient = 0.0;
  for (const ReferenceCase& c : cases) {
    INFO(c.header);
    const Mlp mlp(c.shape, parseActivation(c.activation), lossNamed(c.loss),
                  makeRegularization(c.regularization, c.rate));
    REQUIRE(mlp.parameterCount() == c.params.size());
    REQUIRE(c.inputs.size() == c.shape.inputs * c.batch);
    // The file lists each example's features in turn: column-major (features x batch).
    const Eigen::Map<const Eigen::MatrixXd> inputs(c.inputs.data(), c.shape.inputs, c.batch);
    MlpWorkspace workspace = mlp.makeWorkspace(c.batch);
    Eigen::VectorXd gradient(mlp.parameterCount());
    const double loss = mlp.lossAndGradient(c.params, inputs, c.targets, workspace, gradient);

    CHECK(relativeDifference(loss, c.lossValue) <= kTolerance);
    CHECK(relativeDifference(mlp.loss(c.params, inputs, c.targets, workspace), c.lossValue) <=
          kTolerance);
    worstLoss = std::max(worstLoss, relativeDifference(loss, c.lossValue));
    for (Eigen::Index i = 0; i < gradient.size(); ++i) {
      INFO("parameter " << i << ": ours " << formatDouble(gradient[i]) << ", torch "
                        << formatDouble(c.gradient[i]));
      CHECK(relativeDifference(gradient[i], c.gradient[i]) <= kTolerance);
      worstGradient = std::max(worstGradient, relativeDifference(gradient[i], c.gradient[i]));
    }
  }
  // Shown with `nn_tests -s`: the largest differences over all cases.
  CHECK(worstLoss <= kTolerance);
  CHECK(worstGradient <= kTolerance);
}

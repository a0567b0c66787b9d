#include "core/nn/loss.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/util/spec_error.h"

using namespace optiscope;

TEST_CASE("loss names parse with auto meaning the task's choice") {
  CHECK_FALSE(parseLossChoice("auto").has_value());
  CHECK(parseLossChoice("mse") == Loss::SquaredError);
  CHECK(parseLossChoice("bce") == Loss::BinaryCrossEntropy);
  CHECK(parseLossChoice("cross_entropy") == Loss::SoftmaxCrossEntropy);
  CHECK_THROWS_WITH(parseLossChoice("hinge"), Catch::Contains("'hinge'"));
  CHECK(outputCount(Loss::SoftmaxCrossEntropy, 3) == 3);
  CHECK(outputCount(Loss::BinaryCrossEntropy, 2) == 1);
}

TEST_CASE("squared error is the mean of (z - y)^2 without a factor 1/2") {
  Eigen::MatrixXd z(1, 2);
  z << 1.0, -2.0;
  Eigen::VectorXd y(2);
  y << 0.5, 1.0;
  Eigen::MatrixXd d(1, 2);
  CHECK(meanLossAndGradient(Loss::SquaredError, z, y, d) == Approx((0.25 + 9.0) / 2.0));
  CHECK(d(0, 0) == Approx(2.0 * 0.5 / 2.0));
  CHECK(d(0, 1) == Approx(2.0 * -3.0 / 2.0));
}

TEST_CASE("cross-entropy losses stay finite and exact for huge logits") {
  Eigen::MatrixXd z(1, 4);
  z << 1000.0, -1000.0, 40.0, -40.0;
  Eigen::VectorXd y(4);
  y << 0.0, 1.0, 1.0, 0.0;
  Eigen::MatrixXd d(1, 4);
  const double mean = meanLossAndGradient(Loss::BinaryCrossEntropy, z, y, d);
  // 1000 + 1000 for the two confidently wrong ones; log1p(e^-40) twice for the right ones.
  CHECK(mean == Approx((2000.0 + 2.0 * std::log1p(std::exp(-40.0))) / 4.0).epsilon(1e-15));
  CHECK(sumLoss(Loss::BinaryCrossEntropy, z.rightCols(2), y.tail(2)) ==
        Approx(2.0 * std::exp(-40.0)).epsilon(1e-12));
  CHECK(d(0, 0) == Approx(0.25));
  CHECK(d(0, 1) == Approx(-0.25));
  CHECK(std::abs(d(0, 2)) < 1e-17);

  Eigen::MatrixXd logits(3, 1);
  logits << 1000.0, 0.0, -1000.0;
  Eigen::VectorXd target(1);
  target << 2.0;
  Eigen::MatrixXd g(3, 1);
  CHECK(meanLossAndGradient(Loss::SoftmaxCrossEntropy, logits, target, g) == Approx(2000.0));
  CHECK(g(0, 0) == Approx(1.0));
  CHECK(g(2, 0) == Approx(-1.0));
  CHECK(g.allFinite());
}

TEST_CASE("links give probabilities and accuracy counts the predicted class") {
  Eigen::MatrixXd logits(3, 2);
  logits << 2.0, -1.0, 0.5, 3.0, -4.0, 3.0;
  Eigen::MatrixXd probabilities(3, 2);
  applyLink(Loss::SoftmaxCrossEntropy, logits, probabilities);
  CHECK(probabilities.colwise().sum().isOnes(1e-15));
  CHECK(probabilities(0, 0) > probabilities(1, 0));
  Eigen::VectorXd classes(2);
  classes << 0.0, 2.0;  // the second column ties classes 1 and 2: the first largest wins
  CHECK(countCorrect(Loss::SoftmaxCrossEntropy, logits, classes) == 1);

  Eigen::MatrixXd single(1, 3);
  single << 0.3, -0.2, 0.0;
  Eigen::VectorXd labels(3);
  labels << 1.0, 1.0, 0.0;
  CHECK(countCorrect(Loss::BinaryCrossEntropy, single, labels) == 2);
  Eigen::MatrixXd p(1, 3);
  applyLink(Loss::BinaryCrossEntropy, single, p);
  CHECK(p(0, 2) == 0.5);
  CHECK(p(0, 0) == Approx(1.0 / (1.0 + std::exp(-0.3))));
}

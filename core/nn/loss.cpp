#include "core/nn/loss.h"

#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

// log(1 + e^{-|z|}) + max(z, 0) − z·y: exact for large |z| where the naive form overflows.
double binaryCrossEntropy(double z, double y) {
  return std::max(z, 0.0) - z * y + std::log1p(std::exp(-std::abs(z)));
}

double sigmoid(double z) {
  if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double logSumExp(const Eigen::Ref<const Eigen::MatrixXd>& logits, Eigen::Index column) {
  const double top = logits.col(column).maxCoeff();
  return top + std::log((logits.col(column).array() - top).exp().sum());
}

Eigen::Index targetClass(double target) { return static_cast<Eigen::Index>(target); }

}  // namespace

const std::vector<std::string>& lossNames() {
  static const std::vector<std::string> names = {"mse", "bce", "cross_entropy"};
  return names;
}

std::string_view lossName(Loss loss) { return lossNames()[static_cast<size_t>(loss)]; }

std::optional<Loss> parseLossChoice(std::string_view name) {
  if (name == "auto") return std::nullopt;
  const auto& names = lossNames();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Loss>(i);
  throw SpecError("unknown loss '" + std::string(name) +
                  "'; available: auto, mse, bce, cross_entropy");
}

int outputCount(Loss loss, int classes) { return loss == Loss::SoftmaxCrossEntropy ? classes : 1; }

double sumLoss(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
               const Eigen::Ref<const Eigen::VectorXd>& targets) {
  double total = 0.0;
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    switch (loss) {
      case Loss::SquaredError: {
        const double r = logits(0, j) - targets[j];
        total += r * r;
        break;
      }
      case Loss::BinaryCrossEntropy:
        total += binaryCrossEntropy(logits(0, j), targets[j]);
        break;
      case Loss::SoftmaxCrossEntropy:
        total += logSumExp(logits, j) - logits(targetClass(targets[j]), j);
        break;
    }
  }
  return total;
}

double meanLossAndGradient(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
                           const Eigen::Ref<const Eigen::VectorXd>& targets,
                           Eigen::Ref<Eigen::MatrixXd> dLogits) {
  const double count = static_cast<double>(logits.cols());
  double total = 0.0;
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    switch (loss) {
      case Loss::SquaredError: {
        const double r = logits(0, j) - targets[j];
        total += r * r;
        dLogits(0, j) = 2.0 * r / count;
        break;
      }
      case Loss::BinaryCrossEntropy:
        total += binaryCrossEntropy(logits(0, j), targets[j]);
        dLogits(0, j) = (sigmoid(logits(0, j)) - targets[j]) / count;
        break;
      case Loss::SoftmaxCrossEntropy: {
        const double lse = logSumExp(logits, j);
        const Eigen::Index target = targetClass(targets[j]);
        total += lse - logits(target, j);
        dLogits.col(j) = (logits.col(j).array() - lse).exp() / count;
        dLogits(target, j) -= 1.0 / count;
        break;
      }
    }
  }
  return total / count;
}

Eigen::Index countCorrect(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
                          const Eigen::Ref<const Eigen::VectorXd>& targets) {
  Eigen::Index correct = 0;
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    Eigen::Index predicted = 0;
    if (loss == Loss::SoftmaxCrossEntropy)
      logits.col(j).maxCoeff(&predicted);
    else
      predicted = logits(0, j) > 0.0 ? 1 : 0;
    if (predicted == targetClass(targets[j])) ++correct;
  }
  return correct;
}

void applyLink(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
               Eigen::Ref<Eigen::MatrixXd> out) {
  switch (loss) {
    case Loss::SquaredError:
      out = logits;
      return;
    case Loss::BinaryCrossEntropy:
      out = logits.unaryExpr([](double z) { return sigmoid(z); });
      return;
    case Loss::SoftmaxCrossEntropy:
      for (Eigen::Index j = 0; j < logits.cols(); ++j)
        out.col(j) = (logits.col(j).array() - logSumExp(logits, j)).exp();
      return;
  }
}

}  // namespace optiscope

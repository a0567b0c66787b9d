#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optiscope {

// The training loss on the output layer's logits z (one column per example), with torch's
// conventions (reduction = mean over the batch):
//   mse            squared error, mean over examples of (z − y)², no factor 1/2
//                  (torch.nn.MSELoss); one output, identity link; regression
//   bce            binary cross-entropy on a single logit, stable for any z
//                  (torch.nn.BCEWithLogitsLoss); sigmoid link; two classes
//   cross_entropy  softmax cross-entropy over k ≥ 2 logits, log-sum-exp stable
//                  (torch.nn.CrossEntropyLoss); softmax link; two or more classes
// Targets are one double per example: the value (mse) or the class index 0..k−1.
enum class Loss { SquaredError, BinaryCrossEntropy, SoftmaxCrossEntropy };

const std::vector<std::string>& lossNames();  // mse, bce, cross_entropy
std::string_view lossName(Loss loss);
// `auto` gives nullopt (the task picks: mse for regression, bce for two classes, cross_entropy
// for more). Throws SpecError for an unknown name.
std::optional<Loss> parseLossChoice(std::string_view name);

// Number of logits the output layer needs for this loss.
int outputCount(Loss loss, int classes);

// Sum over the batch's columns of the per-example loss (divide by the count for the mean).
double sumLoss(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
               const Eigen::Ref<const Eigen::VectorXd>& targets);
// Mean loss over the batch; writes d(mean loss)/d(logits) into dLogits (same shape).
double meanLossAndGradient(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
                           const Eigen::Ref<const Eigen::VectorXd>& targets,
                           Eigen::Ref<Eigen::MatrixXd> dLogits);

// Classification only: how many columns predict their target class (bce: logit > 0 means
// class 1; cross_entropy: the first largest logit).
Eigen::Index countCorrect(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
                          const Eigen::Ref<const Eigen::VectorXd>& targets);

// The prediction a user sees: the value (mse), P(class 1) (bce) or class probabilities
// (cross_entropy), one column per example; `out` has the logits' shape.
void applyLink(Loss loss, const Eigen::Ref<const Eigen::MatrixXd>& logits,
               Eigen::Ref<Eigen::MatrixXd> out);

}  // namespace optiscope

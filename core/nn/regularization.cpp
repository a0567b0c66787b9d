#include "core/nn/regularization.h"

#include <cmath>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<std::string>& regularizationNames() {
  static const std::vector<std::string> names = {"none", "l1", "l2"};
  return names;
}

std::string_view regularizationName(Regularization::Kind kind) {
  return regularizationNames()[static_cast<size_t>(kind)];
}

Regularization makeRegularization(std::string_view kind, double rate) {
  const auto& names = regularizationNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != kind) continue;
    if (!std::isfinite(rate) || rate < 0.0)
      throw SpecError("regularization rate must be a finite number >= 0, got " +
                      formatDouble(rate));
    return {static_cast<Regularization::Kind>(i), rate};
  }
  throw SpecError("unknown regularization '" + std::string(kind) + "'; available: none, l1, l2");
}

double penalty(const Regularization& regularization, const std::vector<LayerView>& layers,
               const Eigen::Ref<const Eigen::VectorXd>& params) {
  if (regularization.kind == Regularization::Kind::None) return 0.0;
  double total = 0.0;
  for (const LayerView& layer : layers) {
    const auto w = params.segment(layer.weightOffset, layer.weightCount());
    total += regularization.kind == Regularization::Kind::L1 ? w.cwiseAbs().sum()
                                                             : 0.5 * w.squaredNorm();
  }
  return regularization.rate * total;
}

void addPenaltyGradient(const Regularization& regularization, const std::vector<LayerView>& layers,
                        const Eigen::Ref<const Eigen::VectorXd>& params,
                        Eigen::Ref<Eigen::VectorXd> grad) {
  if (regularization.kind == Regularization::Kind::None) return;
  const double rate = regularization.rate;
  for (const LayerView& layer : layers) {
    const auto w = params.segment(layer.weightOffset, layer.weightCount());
    auto g = grad.segment(layer.weightOffset, layer.weightCount());
    if (regularization.kind == Regularization::Kind::L1)
      g += rate * w.cwiseSign();
    else
      g += rate * w;
  }
}

}  // namespace optiscope

#include "core/nn/layer_rate_bands.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optiscope {
namespace {

// numpy.quantile's default ("linear"): position (n−1)·q in the sorted values, interpolated
// between its two neighbours from the nearer one, as numpy's _lerp does, so that the figures
// equal numpy's to the last bit.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = static_cast<double>(sorted.size() - 1) * q;
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double t = position - static_cast<double>(below);
  const double a = sorted[below], b = sorted[above];
  const double difference = b - a;
  return t >= 0.5 ? b - difference * (1.0 - t) : a + difference * t;
}

}  // namespace

RateBands rateBands(const Eigen::Ref<const Eigen::VectorXd>& values) {
  std::vector<double> finite;
  finite.reserve(static_cast<std::size_t>(values.size()));
  for (double x : values)
    if (std::isfinite(x)) finite.push_back(x);
  if (finite.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan, nan, nan};
  }
  std::sort(finite.begin(), finite.end());
  return {finite.front(), quantile(finite, 0.1), quantile(finite, 0.5), quantile(finite, 0.9),
          finite.back()};
}

std::vector<RateBands> layerRateBands(const std::vector<LayerView>& layers,
                                      const Eigen::Ref<const Eigen::VectorXd>& effectiveLr) {
  std::vector<RateBands> bands;
  bands.reserve(layers.size());
  for (const LayerView& layer : layers)
    bands.push_back(
        rateBands(effectiveLr.segment(layer.weightOffset, layer.end() - layer.weightOffset)));
  return bands;
}

}  // namespace optiscope

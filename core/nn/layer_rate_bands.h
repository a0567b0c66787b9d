#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/nn/mlp_layout.h"

namespace optiscope {

// The spread of one layer's effective learning rates: what the per-layer band plot draws.
// Every field is NaN when the layer has no finite value (η_eff is NaN before the first update).
struct RateBands {
  double min, p10, median, p90, max;
};

// Quantiles with linear interpolation between order statistics (numpy's default), over the
// finite entries of `values`; non-finite entries are ignored.
RateBands rateBands(const Eigen::Ref<const Eigen::VectorXd>& values);

// One RateBands per layer, over the layer's weights AND biases (everything the layer owns in
// the flat vector).
std::vector<RateBands> layerRateBands(const std::vector<LayerView>& layers,
                                      const Eigen::Ref<const Eigen::VectorXd>& effectiveLr);

}  // namespace optiscope

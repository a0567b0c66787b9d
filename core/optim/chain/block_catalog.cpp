#include "core/optim/chain/chain_blocks.h"
#include "core/util/spec_error.h"

namespace optiscope {

const std::vector<BlockInfo>& chainBlockCatalog() {
  // In the order a chain usually runs them: clipping, decay, momentum, adaptive scaling,
  // schedule, learning rate.
  // clang-format off
  static const std::vector<BlockInfo> catalog = {
      describeClipBlock(),
      describeClipByGlobalNormBlock(),
      describeAddDecayedWeightsBlock(),
      describeTraceBlock(),
      describeScaleByRssBlock(),
      describeScaleByRmsBlock(),
      describeScaleByAdamBlock(),
      describeScaleByBeliefBlock(),
      describeScaleBySignBlock(),
      describeScaleByScheduleBlock(),
      describeScaleByLearningRateBlock(),
  };
  // clang-format on
  return catalog;
}

const BlockInfo& findChainBlock(std::string_view name) {
  std::string available;
  for (const BlockInfo& info : chainBlockCatalog()) {
    if (info.name == name) return info;
    available += (available.empty() ? "" : ", ") + info.name;
  }
  throw SpecError("unknown block '" + std::string(name) + "'; available: " + available);
}

}  // namespace optiscope

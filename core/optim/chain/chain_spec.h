#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/util/params.h"

namespace optiscope {

// One block of a chain as a spec holds it: its kind and every parameter value. A block editor
// edits a list of these; chainBlocksText() writes it back as the chain's `blocks` value.
struct BlockConfig {
  std::string name;
  ParamValues values;

  // Canonical and complete: `scale_by_adam(beta1=0.90000000000000002,...)`, `scale_by_sign`.
  std::string spec() const;
  bool operator==(const BlockConfig&) const = default;
};

// `[add_decayed_weights(weight_decay=0.01),scale_by_adam,scale_by_learning_rate(lr=0.05)]`
// (brackets optional) -> validated blocks, each with every parameter (defaults filled in).
// Throws one SpecError naming the block by position and name: an unknown block or key, a bad
// value, a rule a block enforces, an empty list.
std::vector<BlockConfig> parseChainBlocks(std::string_view text);
BlockConfig parseChainBlock(std::string_view text);  // one item, e.g. `trace(decay=0.9)`

// The canonical `[...]` text of a list of blocks; parseChainBlocks reads it back identically.
std::string chainBlocksText(const std::vector<BlockConfig>& blocks);

}  // namespace optiscope

#include "core/optim/chain/chain_spec.h"

#include "core/optim/chain/chain_block.h"
#include "core/optim/schedule.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

BlockConfig parseBlock(std::string_view text, const std::string& owner) {
  Spec spec;
  try {
    spec = parseSpec(nestedSpecText(text), "block");
  } catch (const SpecError& e) {
    throw SpecError(owner + ": " + e.what());
  }
  const BlockInfo* info = nullptr;
  try {
    info = &findChainBlock(spec.name);
  } catch (const SpecError& e) {
    throw SpecError(owner + ": " + e.what());
  }
  const std::string who = owner + " (" + info->name + ")";
  BlockConfig config{info->name,
                     applyArgs(info->params, defaultValues(info->params), spec.args, who)};
  try {
    // A nested spec in a block is a schedule (scale_by_schedule): stored canonical, complete.
    for (const ParamInfo& param : info->params)
      if (param.kind == ParamKind::Spec)
        config.values.setText(param.name, parseScheduleSpec(config.values.text(param.name)).spec());
    // Cross-field rules (and the nested schedule) are checked by configuring a fresh block.
    info->create()->configure(config.values);
  } catch (const SpecError& e) {
    throw SpecError(who + ": " + e.what());
  }
  return config;
}

}  // namespace

std::string BlockConfig::spec() const {
  const std::string text = canonicalSpec(name, findChainBlock(name).params, values);
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return text;
  return text.substr(0, colon) + "(" + text.substr(colon + 1) + ")";
}

BlockConfig parseChainBlock(std::string_view text) { return parseBlock(text, "chain: block"); }

std::vector<BlockConfig> parseChainBlocks(std::string_view text) {
  const std::vector<std::string> items = splitList(text, "chain: blocks");
  if (items.empty())
    throw SpecError(
        "chain: blocks is empty; give at least one block, e.g. "
        "blocks=[scale_by_adam,scale_by_learning_rate(lr=0.001)]");
  std::vector<BlockConfig> blocks;
  for (size_t k = 0; k < items.size(); ++k)
    blocks.push_back(parseBlock(items[k], "chain: block " + std::to_string(k + 1)));
  return blocks;
}

std::string chainBlocksText(const std::vector<BlockConfig>& blocks) {
  std::string text = "[";
  for (size_t k = 0; k < blocks.size(); ++k) text += (k ? "," : "") + blocks[k].spec();
  return text + "]";
}

}  // namespace optiscope

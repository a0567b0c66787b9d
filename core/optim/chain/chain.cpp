#include "core/optim/chain/chain.h"

#include <algorithm>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

constexpr const char* kDefaultBlocks = "[scale_by_adam,scale_by_learning_rate(lr=0.001)]";

// Index of the scale_by_learning_rate block, or -1; a second one is a SpecError.
int learningRateBlock(const std::vector<BlockConfig>& blocks) {
  int found = -1;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].name != "scale_by_learning_rate") continue;
    if (found >= 0)
      throw SpecError("chain: blocks " + std::to_string(found + 1) + " and " +
                      std::to_string(k + 1) +
                      " are both scale_by_learning_rate; a chain has at most one (it is the "
                      "chain's lr)");
    found = static_cast<int>(k);
  }
  return found;
}

// The chain's lr and its scale_by_learning_rate block's lr are one value: the one just given
// wins (lr when both are), and `blocks` is stored in canonical form.
void completeChain(ParamValues& values, const std::vector<std::string>& changed) {
  std::vector<BlockConfig> blocks = parseChainBlocks(values.text("blocks"));
  const int lrBlock = learningRateBlock(blocks);
  const bool lrGiven = std::find(changed.begin(), changed.end(), "lr") != changed.end();
  if (lrBlock >= 0) {
    ParamValues& blockValues = blocks[static_cast<size_t>(lrBlock)].values;
    if (lrGiven) {
      blockValues.setNumber("lr", values.real("lr"));
    } else {
      values.setNumber("lr", blockValues.real("lr"));
    }
  }
  values.setText("blocks", chainBlocksText(blocks));
}

}  // namespace

OptimizerInfo Chain::describe() {
  OptimizerInfo info{
      "chain",
      "optax-style chain of blocks (clip, decay, momentum, adaptive scaling, schedule, lr)",
      "optax, DeepMind (github.com/google-deepmind/optax): chained gradient transformations",
      {textParam("blocks", kDefaultBlocks,
                 "the blocks in order, e.g. [trace(decay=0.9),scale_by_learning_rate(lr=0.01)]; "
                 "optimizer-blocks lists them"),
       learningRateParam(1e-3, "the lr of the scale_by_learning_rate block; schedules scale it"),
       boolParam("maximize", false, "ascend instead of descend")},
      [] { return std::make_unique<Chain>(); }};
  info.complete = completeChain;
  return info;
}

Chain::Chain(const Chain& other)
    : OptimizerBase<Chain>(other),
      m_configs(other.m_configs),
      m_outputs(other.m_outputs),
      m_negated(other.m_negated),
      m_maximize(other.m_maximize),
      m_size(other.m_size),
      m_stateNames(other.m_stateNames) {
  for (const auto& block : other.m_blocks) m_blocks.push_back(block->clone());
}

void Chain::validate(const ParamValues& values) const {
  // Parsing configures a fresh instance of every block: their own rules run there.
  learningRateBlock(parseChainBlocks(values.text("blocks")));
}

void Chain::applyHyperparameters(const ParamValues& values) {
  std::vector<BlockConfig> configs = parseChainBlocks(values.text("blocks"));
  // A block keeps its state when the block at its position is of the same kind: changing a
  // setting continues the run, inserting or removing blocks restarts the ones that moved.
  std::vector<std::unique_ptr<ChainBlock>> blocks;
  for (size_t k = 0; k < configs.size(); ++k) {
    const bool kept = k < m_blocks.size() && m_blocks[k]->name() == configs[k].name;
    std::unique_ptr<ChainBlock> block =
        kept ? std::move(m_blocks[k]) : findChainBlock(configs[k].name).create();
    block->configure(configs[k].values);
    if (!kept && m_size >= 0) block->allocate(m_size);
    blocks.push_back(std::move(block));
  }
  m_blocks = std::move(blocks);
  m_configs = std::move(configs);
  m_outputs.resize(m_blocks.size());
  if (m_size >= 0)
    for (Eigen::VectorXd& output : m_outputs)
      if (output.size() != m_size) output = Eigen::VectorXd::Zero(m_size);
  m_maximize = values.flag("maximize");
  nameState();
}

void Chain::allocate(Eigen::Index n) {
  m_size = n;
  for (const auto& block : m_blocks) block->allocate(n);
  for (Eigen::VectorXd& output : m_outputs) output = Eigen::VectorXd::Zero(n);
  m_negated = Eigen::VectorXd::Zero(n);
  nameState();  // a block's list of state vectors may depend on its settings
}

void Chain::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  const Eigen::Index n = p.size();
  const double* in = g.data();
  if (m_maximize) {
    for (Eigen::Index i = 0; i < n; ++i) m_negated[i] = -g[i];
    in = m_negated.data();
  }
  const BlockStep step{p.data(), lr()};
  for (size_t k = 0; k < m_blocks.size(); ++k) {
    m_blocks[k]->update(in, m_outputs[k].data(), n, step);
    in = m_outputs[k].data();
  }
  for (Eigen::Index i = 0; i < n; ++i) p[i] = p[i] - in[i];
}

void Chain::computeEffectiveLr(Eigen::VectorXd& out) const {
  for (Eigen::Index i = 0; i < out.size(); ++i) out[i] = 1.0;
  for (const auto& block : m_blocks) block->multiplyRate(out);
}

Eigen::VectorXd Chain::blockRate(size_t k) const {
  Eigen::VectorXd rate = Eigen::VectorXd::Ones(std::max<Eigen::Index>(m_size, 0));
  m_blocks.at(k)->multiplyRate(rate);
  return rate;
}

void Chain::nameState() {
  m_stateNames.clear();
  for (size_t k = 0; k < m_blocks.size(); ++k) {
    const std::string prefix = std::to_string(k + 1) + "." + std::string(m_blocks[k]->name()) + ".";
    for (const StateView& view : m_blocks[k]->state())
      m_stateNames.push_back(prefix + std::string(view.name));
    m_stateNames.push_back(prefix + "update");
  }
}

std::vector<StateView> Chain::state() const {
  std::vector<StateView> views;
  size_t next = 0;
  for (size_t k = 0; k < m_blocks.size(); ++k) {
    for (const StateView& view : m_blocks[k]->state())
      views.push_back({m_stateNames[next++], view.values});
    views.push_back({m_stateNames[next++], &m_outputs[k]});
  }
  return views;
}

bool Chain::elementwise() const {
  for (const auto& block : m_blocks)
    if (!block->elementwise()) return false;
  return true;
}

}  // namespace optiscope

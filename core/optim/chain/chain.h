#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/optim/chain/chain_block.h"
#include "core/optim/chain/chain_spec.h"
#include "core/optim/registry.h"

namespace optiscope {

// An optimizer assembled from optax-style blocks (DeepMind's optax: `optax.chain` of gradient
// transformations with explicit state), e.g.
//   chain:blocks=[add_decayed_weights(weight_decay=0.01),scale_by_adam,scale_by_learning_rate(lr=0.05)]
//
//   u₀ = maximize ? −g : g;  u_k = block_k(u_{k−1});  p ← p − u_K
//
// which makes "Adam = momentum + RMS scaling + bias correction" literal. Keys: `blocks`, `lr`
// and `maximize`. The chain's lr IS its scale_by_learning_rate block's lr (at most one such
// block): setting either sets both, schedules scale it, and without such a block lr has no
// effect (as torch's Rprop ignores it after its first step).
//
// η_eff = the product of the scaling blocks' per-parameter factors in the last step, on the
// direction the other blocks produce (for [trace, scale_by_learning_rate] that is lr on the
// momentum buffer, as for torch's SGD; docs/CHAIN_BLOCKS.md). State vectors are named
// "<k>.<block>.<name>" (k from 1), and "<k>.<block>.update" is the update after block k in the
// last step.
class Chain : public OptimizerBase<Chain> {
 public:
  static OptimizerInfo describe();

  Chain() = default;
  Chain(const Chain& other);
  Chain& operator=(const Chain&) = delete;

  std::string_view name() const override { return "chain"; }
  std::string_view effectiveLrTarget() const override { return "direction"; }
  // Unless a block looks at the whole vector (clip_by_global_norm).
  bool elementwise() const override;
  std::vector<StateView> state() const override;

  // For a block editor and the per-block view of a step.
  const std::vector<BlockConfig>& blocks() const { return m_configs; }
  // The update after block k (0-based) in the last step; zeros before the first step.
  const Eigen::VectorXd& blockOutput(size_t k) const { return m_outputs.at(k); }
  // Block k's share of η_eff in the last step: its per-parameter factor (1 for direction
  // blocks). Allocates; meant for display.
  Eigen::VectorXd blockRate(size_t k) const;

 protected:
  void validate(const ParamValues& values) const override;
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  void nameState();

  std::vector<BlockConfig> m_configs;
  std::vector<std::unique_ptr<ChainBlock>> m_blocks;
  std::vector<Eigen::VectorXd> m_outputs;  // the update after each block
  Eigen::VectorXd m_negated;               // −g when maximizing
  bool m_maximize = false;
  Eigen::Index m_size = -1;  // parameters, once allocated
  std::vector<std::string> m_stateNames;
};

}  // namespace optiscope

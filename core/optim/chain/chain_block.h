#pragma once

#include <Eigen/Core>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/optim/optimizer.h"
#include "core/util/params.h"

namespace optiscope {

// What a block sees of the step besides its input: the parameters before the update (for
// add_decayed_weights) and the chain's lr at this step (what schedules write; read by
// scale_by_learning_rate).
struct BlockStep {
  const double* params;
  double lr;
};

// One optax-style gradient transformation with explicit state: update() maps the update so
// far (`in`, the gradient for the first block) to a new one (`out`). Unlike optax the sign
// stays that of a descent direction: the chain finally steps p ← p − update.
//
// Blocks are "direction" blocks (clip, add_decayed_weights, trace, scale_by_sign: they change
// what is followed) or "scaling" blocks (everything that multiplies coordinates by a rate).
// η_eff of a chain is the product of the scaling blocks' per-parameter factors, each block's
// share being its factor in the last update.
class ChainBlock {
 public:
  virtual ~ChainBlock() = default;

  virtual std::string_view name() const = 0;
  // Values validated against the block's table; cross-field rules throw SpecError. Keeps the
  // state: a block reconfigured mid-run continues from where it was.
  virtual void configure(const ParamValues& values) = 0;
  // State for n parameters, at its initial values (step count 0).
  virtual void allocate(Eigen::Index n) = 0;
  // out = this block's transformation of in (distinct arrays of n). Allocates nothing.
  virtual void update(const double* in, double* out, Eigen::Index n, const BlockStep& step) = 0;
  // Multiplies `rate` by the per-parameter factor this block applied in its last update, from
  // its state and the scalars that update captured. Direction blocks leave it alone.
  virtual void multiplyRate(Eigen::VectorXd& rate) const { (void)rate; }
  virtual bool scales() const { return false; }
  // Whether coordinate i of the output depends on coordinate i alone (Optimizer::elementwise);
  // false for a block that looks at the whole vector (a global norm).
  virtual bool elementwise() const { return true; }
  // Named state vectors (names without the chain's "<index>.<block>." prefix).
  virtual std::vector<StateView> state() const { return {}; }
  virtual std::unique_ptr<ChainBlock> clone() const = 0;
};

template <class Derived>
class ChainBlockBase : public ChainBlock {
 public:
  std::unique_ptr<ChainBlock> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

// A block kind as a block editor lists it: name, what it does, its formula, its parameters.
struct BlockInfo {
  std::string name;
  std::string summary;
  std::string formula;  // the update in one line, as in docs/CHAIN_BLOCKS.md
  std::vector<ParamInfo> params;
  std::function<std::unique_ptr<ChainBlock>()> create;
};

// clip, clip_by_global_norm, add_decayed_weights, trace, scale_by_rss, scale_by_rms,
// scale_by_adam, scale_by_belief, scale_by_sign, scale_by_schedule, scale_by_learning_rate.
const std::vector<BlockInfo>& chainBlockCatalog();
// Throws SpecError "unknown block 'x'; available: ...".
const BlockInfo& findChainBlock(std::string_view name);

}  // namespace optiscope

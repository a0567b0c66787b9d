#pragma once

#include "core/optim/adam_common.h"
#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// AdamW (with optional AMSGrad), as torch.optim.AdamW 1.13 (OPTIMIZERS.md §1.6): Adam whose
// weight decay shrinks the parameter instead of entering the moments.
//
//   d = maximize ? -g : g;   p *= 1 - lr·wd              (always, with the CURRENT lr)
//   m, v, vmax and the step exactly as Adam (without the L2 term)
//
// Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019 (arXiv:1711.05101).
// η_eff = lr/(sqrt(v̂)+eps) on m̂, plus the multiplicative decay 1 - lr·wd.
class AdamW : public OptimizerBase<AdamW> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adamw"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "m̂"; }
  std::vector<StateView> state() const override { return m_moments.state(); }
  MomentumKind momentumKind() const override { return MomentumKind::Beta1; }
  double momentum() const override { return m_moments.beta1(); }
  void setMomentum(double beta1) override { m_moments.setBeta1(beta1); }

 protected:
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  AdamMoments m_moments;
};

}  // namespace optiscope

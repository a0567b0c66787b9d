#pragma once

#include "core/optim/adam_common.h"
#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Adam (with optional AMSGrad), as torch.optim.Adam 1.13 (OPTIMIZERS.md §1.5).
//
//   d = maximize ? -g : g;  d += wd·p                       (L2, coupled)
//   m = β1·m + (1-β1)·d;   v = β2·v + (1-β2)·d²;   vmax = max(vmax, v) with AMSGrad
//   p -= (lr/(1-β1^t)) · m / (sqrt(v or vmax)/sqrt(1-β2^t) + eps)
//
// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015 (arXiv:1412.6980);
// AMSGrad: Reddi, Kale & Kumar, "On the Convergence of Adam and Beyond", ICLR 2018.
// η_eff = lr/(sqrt(v̂)+eps) on m̂ = m/(1-β1^t).
class Adam : public OptimizerBase<Adam> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adam"; }
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

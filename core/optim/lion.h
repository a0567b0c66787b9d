#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Lion ("evoLved sIgn mOmeNtum"): every coordinate moves by exactly ±lr (OPTIMIZERS.md §3).
//
//   p = p·(1 − lr·wd);  c = β1·m + (1−β1)·g;  p −= lr·sign(c);  m = β2·m + (1−β2)·g
//
// Chen et al., "Symbolic Discovery of Optimization Algorithms", arXiv:2302.06675. Ported from
// lucidrains/lion-pytorch @ 05258c934a4e69af6e897a2d614e23e9b8c0ca4c, lion_pytorch/lion_pytorch.py
// (update_fn), without its `decoupled_weight_decay` option. m is updated after the step and with
// β2, not β1. η_eff = lr on sign(c).
class Lion : public OptimizerBase<Lion> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "lion"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "sign(beta1*m+(1-beta1)*g)"; }
  std::vector<StateView> state() const override;
  MomentumKind momentumKind() const override { return MomentumKind::Beta1; }
  double momentum() const override { return m_beta1; }
  void setMomentum(double beta1) override { m_beta1 = beta1; }

 protected:
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  double m_beta1 = 0.9, m_beta2 = 0.99, m_weightDecay = 0.0;
  Eigen::VectorXd m_m;
  double m_lastLr = 0.0;  // η_eff
};

}  // namespace optiscope

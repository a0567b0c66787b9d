#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Adamax, as torch.optim.Adamax 1.13 (OPTIMIZERS.md §1.7): Adam with the infinity norm in
// place of the RMS, so no square root and no bias correction of the second moment.
//
//   d = maximize ? -g : g;  d += wd·p
//   m = β1·m + (1-β1)·d;   u = max(β2·u, |d| + eps)          (eps inside the max)
//   p -= (lr/(1-β1^t)) · m / u
//
// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, section 7.1.
// η_eff = lr/(1-β1^t)/u on m.
class Adamax : public OptimizerBase<Adamax> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adamax"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "m"; }
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
  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-8, m_weightDecay = 0.0;
  bool m_maximize = false;
  float m_t = 0.0f;        // torch's float32 step counter, incremented the same way
  double m_lastClr = 0.0;  // lr/(1-β1^t) of the last step; η_eff = it/u
  Eigen::VectorXd m_m, m_u;
};

}  // namespace optiscope

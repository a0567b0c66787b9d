#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// AdaBound: Adam whose per-element rate is clipped into bounds that close in on final_lr (§3).
//
//   g += wd·p;  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²   (amsbound: vmax = max(vmax, v))
//   α = lr·sqrt(1−β2^t)/(1−β1^t);  fl = final_lr·lr/base_lr
//   η = clamp(α/(sqrt(v or vmax) + eps), fl·(1 − 1/(γt+1)), fl·(1 + 1/(γt)));  p −= η·m
//
// Luo, Xiong, Liu, Sun, "Adaptive Gradient Methods with Dynamic Bound of Learning Rate",
// ICLR 2019, arXiv:1902.09843. Ported from Luolc/AdaBound @
// 324c8b90e4286f9d8ceb3015533ec4b1170faa98, adabound/adabound.py (class AdaBound). base_lr is
// the configured lr, so a schedule scales final_lr by lr/base_lr as there. η_eff = η on m.
class AdaBound : public OptimizerBase<AdaBound> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adabound"; }
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
  double m_baseLr = 1e-3, m_beta1 = 0.9, m_beta2 = 0.999, m_finalLr = 0.1, m_gamma = 1e-3;
  double m_eps = 1e-8, m_weightDecay = 0.0;
  bool m_amsbound = false;
  struct LastStep {
    double stepSize = 0.0, lower = 0.0, upper = 0.0, eps = 0.0;
    bool amsbound = false;
  } m_last;  // what η_eff of the last step needs besides v (or vmax)
  Eigen::VectorXd m_m, m_v, m_vmax;
};

}  // namespace optiscope

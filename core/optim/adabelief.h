#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// AdaBelief: Adam whose second moment tracks the "belief" (g − m)² instead of g² (§3).
//
//   decay: weight_decouple ? p·(1 − lr·wd) (fixed_decay: p·(1 − wd)) : g += wd·p
//   m = β1·m + (1−β1)·g;  s = β2·s + (1−β2)·(g − m)² + eps        (eps enters the state)
//   !rectify:  p −= lr/(1−β1^t) · m / (sqrt(s or smax)/sqrt(1−β2^t) + eps)
//   rectify:   N = ρ∞ − 2tβ2^t/(1−β2^t);  N ≥ 5: p −= lr·R/(1−β1^t) · m/(sqrt(s) + eps)
//              with R = sqrt((1−β2^t)(N−4)/(ρ∞−4)(N−2)/N·ρ∞/(ρ∞−2));
//              N < 5: p −= lr/(1−β1^t)·m if degenerated_to_sgd, else no move
//
// Zhuang et al., "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients",
// NeurIPS 2020, arXiv:2010.07468. Ported from juntang-zhuang/Adabelief-Optimizer @
// e0ed01dfd825d5949e26ebcceff4192ceed7ac2e,
// pypi_packages/adabelief_pytorch0.2.0/adabelief_pytorch/AdaBelief.py. As there, the rectified
// N ≥ 5 branch divides by sqrt(s) even with amsgrad (smax then only feeds the unrectified one).
// η_eff = the rate on m̂ = m/(1−β1^t): lr/den, lr·R/(sqrt(s)+eps), lr or 0.
class AdaBelief : public OptimizerBase<AdaBelief> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adabelief"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "m̂"; }
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
  // What the rectified update does at step t: an adaptive step scaled by the variance
  // rectifier R, an SGD-with-momentum step, or nothing. stepSize is the reference's
  // `step_size` (R/(1−β1^t) or 1/(1−β1^t)), kept so the update rounds as the reference does.
  enum class RectifiedMode { Adaptive, Sgd, Frozen };
  struct Rectification {
    RectifiedMode mode;
    double stepSize, rectifier;
  };
  Rectification rectification(double t) const;

  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-16, m_weightDecay = 0.0;
  bool m_amsgrad = false, m_weightDecouple = true, m_fixedDecay = false, m_rectify = true;
  bool m_degeneratedToSgd = true;
  struct LastStep {
    double lr = 0.0, sqrtBc2 = 0.0, eps = 0.0;
    bool amsgrad = false, rectify = false;
    Rectification rect{RectifiedMode::Frozen, 0.0, 0.0};
  } m_last;  // what η_eff of the last step needs besides s (or smax)
  Eigen::VectorXd m_m, m_s, m_smax;
};

}  // namespace optiscope

#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Adam with Nesterov momentum, as torch.optim.NAdam 1.13 (OPTIMIZERS.md §1.8).
//
//   d = g + wd·p;  μ_t = β1·(1 − ½·0.96^(t·ψ));  Π_t = Π_{t−1}·μ_t   (Π is float32 in torch)
//   m = β1·m + (1−β1)·d;  v = β2·v + (1−β2)·d²;  den = sqrt(v/(1−β2^t)) + eps
//   p += −lr·(1−μ_t)/(1−Π_t)·d/den − lr·μ_{t+1}/(1−Π')·m/den
//
// Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop. torch 1.13 computes
// Π' = Π_t·μ_t·μ_{t+1} (μ_t twice, fixed after 1.13 by pytorch PR #92699); `fixed=true` uses the
// paper's Π' = Π_t·μ_{t+1}, in double like the fixed torch. No maximize: 1.13 has none.
// η_eff = lr/den, applied with weight (1−μ_t)/(1−Π_t) on d and μ_{t+1}/(1−Π') on m.
class Nadam : public OptimizerBase<Nadam> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "nadam"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override;
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
  double m_momentumDecay = 4e-3;
  bool m_fixed = false;
  float m_muProduct = 1.0f;  // float32 like torch's state['mu_product']; its rounding matters
  struct LastStep {
    double lr = 0.0, bc2 = 0.0, eps = 0.0;
  } m_last;  // what η_eff of the last step needs besides v
  Eigen::VectorXd m_m, m_v;
};

}  // namespace optiscope

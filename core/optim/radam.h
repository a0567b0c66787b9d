#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Rectified Adam, as torch.optim.RAdam 1.13 (OPTIMIZERS.md §1.9).
//
//   d = g + wd·p;  m = β1·m + (1−β1)·d;  v = β2·v + (1−β2)·d²;  m̂ = m/(1−β1^t)
//   ρ∞ = 2/(1−β2) − 1;  ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
//   ρ_t > 5:  r = sqrt((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t));  p −=
//   lr·m̂·sqrt(1−β2^t)/(sqrt(v)+eps)·r else:     p −= lr·m̂          (un-adapted: steps 1–5 with β2 =
//   0.999)
//
// Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020,
// arXiv:1908.03265. eps sits outside the *uncorrected* sqrt(v), unlike Adam.
// η_eff = lr·r·sqrt(1−β2^t)/(sqrt(v)+eps) on m̂ when ρ_t > 5, else lr.
class Radam : public OptimizerBase<Radam> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "radam"; }
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
  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-8, m_weightDecay = 0.0;
  struct LastStep {
    double lr = 0.0, eps = 0.0, sqrtBc2 = 0.0, rect = 0.0;
    bool adapted = false;
  } m_last;  // what η_eff of the last step needs besides v
  Eigen::VectorXd m_m, m_v;
};

}  // namespace optiscope

#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Adadelta, as torch.optim.Adadelta 1.13 (OPTIMIZERS.md §1.4): the step's own running RMS
// replaces the learning rate's units, so lr = 1 is the natural choice.
//
//   d = maximize ? -g : g;  d += wd·p
//   v = ρ·v + (1-ρ)·d²
//   Δ = sqrt(u + eps) / sqrt(v + eps) · d                   (eps inside both roots; old u)
//   u = ρ·u + (1-ρ)·Δ²;   p -= lr·Δ
//
// Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012.
// η_eff = lr·sqrt(u_{t-1}+eps)/sqrt(v_t+eps) on d.
class Adadelta : public OptimizerBase<Adadelta> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adadelta"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "d"; }
  std::vector<StateView> state() const override;

 protected:
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  // Eager: η_eff needs u of the step before, which the update overwrites.
  void computeEffectiveLr(Eigen::VectorXd&) const override {}

 private:
  double m_rho = 0.9, m_eps = 1e-6, m_weightDecay = 0.0;
  bool m_maximize = false;
  Eigen::VectorXd m_v, m_u;
};

}  // namespace optiscope

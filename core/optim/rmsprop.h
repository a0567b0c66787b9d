#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// RMSprop, as torch.optim.RMSprop 1.13 (OPTIMIZERS.md §1.3): divide by a running RMS of the
// gradient; no bias correction, so the first step is about lr/sqrt(1-α).
//
//   d = maximize ? -g : g;  d += wd·p
//   v = α·v + (1-α)·d²;   centered: ga = α·ga + (1-α)·d,  ṽ = v - ga²  (else ṽ = v)
//   den = sqrt(ṽ) + eps                                      (eps outside the root)
//   μ > 0: buf = μ·buf + d/den;  p -= lr·buf      else: p -= lr·d/den
//
// Tieleman & Hinton, COURSERA "Neural Networks for Machine Learning", lecture 6.5, 2012;
// centered form: Graves, "Generating Sequences With Recurrent Neural Networks", 2013
// (arXiv:1308.0850). η_eff = lr/(sqrt(ṽ)+eps) on d (with momentum, d enters the buffer).
class Rmsprop : public OptimizerBase<Rmsprop> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "rmsprop"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override;
  std::vector<StateView> state() const override;
  MomentumKind momentumKind() const override { return MomentumKind::Momentum; }
  double momentum() const override { return m_momentum; }
  void setMomentum(double momentum) override { m_momentum = momentum; }

 protected:
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  struct LastStep {
    double lr = 0.0, eps = 0.0;
    bool centered = false;
  };

  double m_alpha = 0.99, m_eps = 1e-8, m_weightDecay = 0.0, m_momentum = 0.0;
  bool m_centered = false, m_maximize = false;
  LastStep m_last;  // what η_eff of the last step needs besides v and grad_avg
  // torch creates both as zeros at the first step; allocating them up front keeps a
  // schedule that turns momentum on mid-run from allocating in step().
  Eigen::VectorXd m_v, m_momentumBuffer, m_gradAvg;
};

}  // namespace optiscope

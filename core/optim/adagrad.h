#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Adagrad, as torch.optim.Adagrad 1.13 (OPTIMIZERS.md §1.2): each parameter's rate shrinks
// with the root of its own accumulated squared gradients.
//
//   d = maximize ? -g : g;  d += wd·p
//   clr = lr / (1 + (t-1)·lr_decay);   sum += d²
//   p -= clr · d / (sqrt(sum) + eps)                          (eps outside the root)
//
// Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
// Optimization", JMLR 12, 2011. η_eff = clr/(sqrt(sum)+eps) on d.
class Adagrad : public OptimizerBase<Adagrad> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "adagrad"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "d"; }
  std::vector<StateView> state() const override;

 protected:
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  struct LastStep {
    double clr = 0.0, eps = 0.0;
  };

  double m_lrDecay = 0.0, m_weightDecay = 0.0, m_initialAccumulator = 0.0, m_eps = 1e-10;
  bool m_maximize = false;
  float m_t = 0.0f;  // torch's float32 step counter: lr_decay stops acting after 2^24 steps
  LastStep m_last;   // what η_eff of the last step needs besides sum
  Eigen::VectorXd m_sum;
};

}  // namespace optiscope

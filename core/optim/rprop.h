#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Resilient backpropagation, as torch.optim.Rprop 1.13 (OPTIMIZERS.md §1.11).
//
//   d = maximize ? −g : g;  f = η+ if d·prev > 0, η− if d·prev < 0, else 1
//   step_size = clamp(step_size·f, step_min, step_max);  if f = η−: d = 0
//   p −= sign(d)·step_size;  prev = d
//
// Riedmiller & Braun, "A Direct Adaptive Method for Faster Backpropagation Learning: The RPROP
// Algorithm", IEEE ICNN 1993. torch's variant skips the move after a sign change (Rprop−
// without weight backtracking). step_size starts at the lr of the first step; lr and schedules
// have no effect afterwards. η_eff = step_size (per element) on sign(d).
class Rprop : public OptimizerBase<Rprop> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "rprop"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override { return "sign(d)"; }
  std::vector<StateView> state() const override;

 protected:
  void validate(const ParamValues& values) const override;
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  double m_etaMinus = 0.5, m_etaPlus = 1.2, m_stepMin = 1e-6, m_stepMax = 50.0;
  bool m_maximize = false;
  Eigen::VectorXd m_prev, m_stepSize;
};

}  // namespace optiscope

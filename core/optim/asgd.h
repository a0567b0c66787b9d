#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Averaged SGD, as torch.optim.ASGD 1.13 (OPTIMIZERS.md §1.10).
//
//   d = maximize ? −g : g;  d += wd·p
//   p = p·(1 − λ·η_t);  p −= η_t·d;  ax = (μ_t = 1) ? p : ax + (p − ax)·μ_t
//   η_{t+1} = lr / (1 + λ·lr·t)^α;  μ_{t+1} = 1 / max(1, t − t0)     (both float32, as torch)
//
// Polyak & Juditsky, "Acceleration of Stochastic Approximation by Averaging", SIAM J. Control
// Optim. 1992; the η schedule follows Xu, "Towards Optimal One Pass Large Scale Learning with
// Averaged Stochastic Gradient Descent", arXiv:1107.2490. η_1 = lr of the first step; after
// that the current lr enters only the next η. `ax` (the Polyak average) is never written to p.
// η_eff = η_t on d, on top of the multiplicative decay 1 − λ·η_t.
class Asgd : public OptimizerBase<Asgd> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "asgd"; }
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
  double m_lambd = 1e-4, m_alpha = 0.75, m_t0 = 1e6, m_weightDecay = 0.0;
  bool m_maximize = false;
  // float32 like torch's state['eta'] and state['mu']; dropping the rounding changes results.
  float m_eta = 0.0f, m_mu = 1.0f;
  double m_lastEta = 0.0;  // η_t of the last step: η_eff
  Eigen::VectorXd m_ax;
};

}  // namespace optiscope

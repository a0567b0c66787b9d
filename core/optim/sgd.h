#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD 1.13.
//
//   d = maximize ? -g : g;  d += wd·p
//   buf = d (first step) | μ·buf + (1-τ)·d;   d = nesterov ? d + μ·buf : buf
//   p -= lr·d
//
// Robbins & Monro, "A Stochastic Approximation Method", Ann. Math. Stat. 1951; momentum:
// Polyak 1964; Nesterov form: Sutskever, Martens, Dahl, Hinton, ICML 2013. Note torch's
// momentum form `v = μv + g; p -= lr·v`, not Sutskever's `v = μv + lr·g`.
// η_eff = lr on d (the momentum buffer when μ > 0).
class Sgd : public OptimizerBase<Sgd> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "sgd"; }
  bool elementwise() const override { return true; }
  void describeUpdate(UpdateRecipe& recipe) const override;
  std::string_view effectiveLrTarget() const override;
  std::vector<StateView> state() const override;
  MomentumKind momentumKind() const override { return MomentumKind::Momentum; }
  double momentum() const override { return m_momentum; }
  void setMomentum(double momentum) override { m_momentum = momentum; }

 protected:
  void validate(const ParamValues& values) const override;
  void applyHyperparameters(const ParamValues& values) override;
  void allocate(Eigen::Index n) override;
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) override;
  void computeEffectiveLr(Eigen::VectorXd& out) const override;

 private:
  double m_momentum = 0.0, m_dampening = 0.0, m_weightDecay = 0.0;
  bool m_nesterov = false, m_maximize = false;
  double m_lastLr = 0.0;     // the lr of the last step: η_eff
  bool m_hasBuffer = false;  // torch creates the buffer at the first step with momentum
  Eigen::VectorXd m_buffer;
};

}  // namespace optiscope

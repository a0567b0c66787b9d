#pragma once

#include "core/optim/optimizer.h"
#include "core/optim/registry.h"

namespace optiscope {

// Yogi: Adam whose second moment moves additively, by at most (1−β2)·g² per step (§3).
//
//   g += wd·p;  m = β1·m + (1−β1)·g;  v = v − (1−β2)·sign(v − g²)·g²
//   p −= lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + eps)            (m and v start at v0)
//
// Zaheer, Reddi, Sachan, Kale, Kumar, "Adaptive Methods for Nonconvex Optimization", NeurIPS
// 2018. Ported from jettify/pytorch-optimizer @ af6d6e136bd36f1c658c932cc6cd55838cf72050,
// torch_optimizer/yogi.py (initial_accumulator for both moments, as TF Addons). Note the large
// default eps of 1e-3. η_eff = lr/(sqrt(v̂)+eps) on m̂, as in Adam.
class Yogi : public OptimizerBase<Yogi> {
 public:
  static OptimizerInfo describe();

  std::string_view name() const override { return "yogi"; }
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
  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-3, m_initialAccumulator = 1e-6;
  double m_weightDecay = 0.0;
  struct LastStep {
    double lr = 0.0, sqrtBc2 = 0.0, eps = 0.0;
  } m_last;  // what η_eff of the last step needs besides v
  Eigen::VectorXd m_m, m_v;
};

}  // namespace optiscope

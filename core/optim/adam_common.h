#pragma once

#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <vector>

#include "core/optim/optimizer.h"
#include "core/util/params.h"

namespace optiscope {

// torch.maximum / torch.amax propagate NaN; std::max would silently keep the old value and
// hide a diverged run from the state plots.
inline double nanPropagatingMax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  return a < b ? b : a;
}

// Where weight decay acts: added to the gradient (Adam, "L2") or multiplied into the
// parameter before the moment update with the current lr (AdamW, "decoupled").
enum class WeightDecayStyle { L2, Decoupled };

// The hyperparameter table shared by adam and adamw (torch 1.13 names; betas split).
std::vector<ParamInfo> adamParamTable(double defaultWeightDecay, const char* weightDecayHelp);

// Moments, AMSGrad maximum and bias correction of torch 1.13's _single_tensor_adam and
// _single_tensor_adamw, which are identical except for the weight decay (OPTIMIZERS.md
// §1.5-1.6). Adam and AdamW each own one and differ only in the WeightDecayStyle they pass.
class AdamMoments {
 public:
  void applyHyperparameters(const ParamValues& values);
  void allocate(Eigen::Index n);
  void update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g, double lr,
              WeightDecayStyle style);
  // η_eff of the last update, lr/(sqrt(v̂)+eps) on m̂, as the update applied it.
  void effectiveLr(Eigen::VectorXd& out) const;
  // The next update as update(p, g, lr, style) makes it (Optimizer::describeUpdate).
  void describeUpdate(UpdateRecipe& recipe, double lr, WeightDecayStyle style) const;
  std::vector<StateView> state() const;

  double beta1() const { return m_beta1; }
  void setBeta1(double beta1) { m_beta1 = beta1; }

 private:
  double m_beta1 = 0.9, m_beta2 = 0.999, m_eps = 1e-8, m_weightDecay = 0.0;
  bool m_amsgrad = false, m_maximize = false;
  // torch keeps the step count in a float32 tensor; incrementing it the same way keeps the
  // bias corrections identical even past 2^24 steps, where float32 stops counting.
  float m_t = 0.0f;
  struct LastStep {
    double lr = 0.0, bc2Sqrt = 0.0, eps = 0.0;
    bool amsgrad = false;
  } m_last;  // what η_eff of the last update needs besides v (or vmax)
  Eigen::VectorXd m_m, m_v, m_vmax;
};

}  // namespace optiscope

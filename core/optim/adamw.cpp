#include "core/optim/adamw.h"

#include "core/optim/update_recipe.h"
namespace optiscope {

OptimizerInfo AdamW::describe() {
  return {"adamw", "Adam with decoupled weight decay: p shrinks by 1 - lr·wd each step",
          "Loshchilov & Hutter, ICLR 2019 (arXiv:1711.05101)",
          adamParamTable(1e-2, "decoupled decay: p *= 1 - lr·weight_decay per step"),
          [] { return std::make_unique<AdamW>(); }};
}

void AdamW::applyHyperparameters(const ParamValues& values) {
  m_moments.applyHyperparameters(values);
}

void AdamW::allocate(Eigen::Index n) { m_moments.allocate(n); }

void AdamW::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_moments.update(p, g, lr(), WeightDecayStyle::Decoupled);
}

void AdamW::computeEffectiveLr(Eigen::VectorXd& out) const { m_moments.effectiveLr(out); }

void AdamW::describeUpdate(UpdateRecipe& recipe) const {
  m_moments.describeUpdate(recipe, lr(), WeightDecayStyle::Decoupled);
}

}  // namespace optiscope

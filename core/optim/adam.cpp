#include "core/optim/adam.h"

#include "core/optim/update_recipe.h"
namespace optiscope {

OptimizerInfo Adam::describe() {
  return {"adam", "adaptive moments: momentum m scaled per parameter by the RMS of past gradients",
          "Kingma & Ba, ICLR 2015 (arXiv:1412.6980); AMSGrad: Reddi et al., ICLR 2018",
          adamParamTable(0.0, "L2 penalty added to the gradient (coupled)"),
          [] { return std::make_unique<Adam>(); }};
}

void Adam::applyHyperparameters(const ParamValues& values) {
  m_moments.applyHyperparameters(values);
}

void Adam::allocate(Eigen::Index n) { m_moments.allocate(n); }

void Adam::update(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  m_moments.update(p, g, lr(), WeightDecayStyle::L2);
}

void Adam::computeEffectiveLr(Eigen::VectorXd& out) const { m_moments.effectiveLr(out); }

void Adam::describeUpdate(UpdateRecipe& recipe) const {
  m_moments.describeUpdate(recipe, lr(), WeightDecayStyle::L2);
}

}  // namespace optiscope

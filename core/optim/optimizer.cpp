#include "core/optim/optimizer.h"

#include <limits>
#include <stdexcept>

#include "core/optim/update_recipe.h"

namespace optiscope {

void Optimizer::setHyperparameters(const ParamValues& values) {
  validate(values);
  m_values = values;
  m_lr = values.real("lr");
  applyHyperparameters(values);
}

void Optimizer::init(Eigen::Index n) {
  m_etaEff = Eigen::VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN());
  m_etaEffCurrent = true;
  m_steps = 0;
  allocate(n);
}

void Optimizer::step(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g) {
  if (p.size() != m_etaEff.size() || g.size() != m_etaEff.size())
    throw std::logic_error("Optimizer::step: size differs from init()");
  update(p, g);
  ++m_steps;
  m_etaEffCurrent = false;
}

const Eigen::VectorXd& Optimizer::effectiveLr() const {
  if (!m_etaEffCurrent) {
    computeEffectiveLr(m_etaEff);
    m_etaEffCurrent = true;
  }
  return m_etaEff;
}

void Optimizer::describeUpdate(UpdateRecipe& recipe) const {
  auto copy = clone();
  Eigen::VectorXd next = recipe.inputValues("θ");
  copy->step(next, recipe.inputValues("g"));
  recipe.markWholeStep();
  recipe.ownedInput("θ'", "the step taken as a whole (no description of its own)", next);
  recipe.ownedInput("η_eff", "of that step", copy->effectiveLr());
}

}  // namespace optiscope

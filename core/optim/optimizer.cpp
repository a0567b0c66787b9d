#include "core/optim/optimizer.h"

#include <limits>
#include <stdexcept>

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

}  // namespace optiscope

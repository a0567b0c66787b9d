#include "core/objectives/expr/expr_objective.h"

#include "core/objectives/expr/expr_minima.h"

namespace optiscope {
namespace {

// Per-thread scratch for the tape's sweeps: grown once, then reused, so valueAndGradient in a
// step loop allocates nothing, and threads sharing one objective never share a buffer.
double* scratchFor(Eigen::Index tapeSize) {
  thread_local std::vector<double> scratch;
  const size_t needed = 2 * static_cast<size_t>(tapeSize);
  if (scratch.size() < needed) scratch.resize(needed);
  return scratch.data();
}

}  // namespace

ExprObjective::ExprObjective(std::string formula, const expr::Formula& parsed,
                             const std::vector<double>& parameterValues, Box box,
                             Eigen::VectorXd start)
    : m_formula(std::move(formula)),
      m_minima(std::make_shared<MinimaCache>()),
      m_box(std::move(box)),
      m_start(std::move(start)) {
  auto compiled = std::make_shared<Compiled>(Compiled{expr::Tape(parsed, parameterValues), {}});
  if (compiled->tape.dimension() == 2)
    compiled->rows = std::make_unique<expr::RowProgram>(compiled->tape);
  m_compiled = std::move(compiled);
}

double ExprObjective::value(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  return m_compiled->tape.value(x.data(), scratchFor(m_compiled->tape.size()));
}

void ExprObjective::values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                           Eigen::Ref<Eigen::VectorXd> out) const {
  if (!m_compiled->rows || out.size() != xs.size()) {
    Objective::values(xs, y, out);  // throws the common error
    return;
  }
  m_compiled->rows->evaluate(m_compiled->tape, xs, y, out);
}

double ExprObjective::valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                                       Eigen::Ref<Eigen::VectorXd> g) const {
  return m_compiled->tape.gradient(x.data(), g.data(), scratchFor(m_compiled->tape.size()));
}

Eigen::MatrixXd ExprObjective::hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const {
  return m_compiled->tape.hessian(x.data());
}

std::vector<Minimum> ExprObjective::globalMinima() const {
  std::call_once(m_minima->once,
                 [this] { m_minima->minima = expr::findGlobalMinima(m_compiled->tape, m_box); });
  return m_minima->minima;
}

std::unique_ptr<Objective> ExprObjective::clone() const {
  return std::make_unique<ExprObjective>(*this);
}

}  // namespace optiscope

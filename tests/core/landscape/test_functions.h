#pragma once

#include <Eigen/Core>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/objectives/objective.h"

namespace optiscope::testing {

// A 2D function given by a formula, for landscape tests: the landscape code only ever calls
// value(), minimumValue() and dim(), so the derivatives refuse loudly instead of lying.
class FormulaFunction final : public Objective {
 public:
  using Formula = std::function<double(double, double)>;

  explicit FormulaFunction(Formula formula, std::optional<double> knownMinimum = std::nullopt)
      : m_formula(std::move(formula)), m_knownMinimum(knownMinimum) {}

  std::string_view name() const override { return "test-formula"; }
  Eigen::Index dim() const override { return 2; }
  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    return m_formula(x[0], x[1]);
  }
  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>&,
                          Eigen::Ref<Eigen::VectorXd>) const override {
    throw std::logic_error("landscape tests never need gradients");
  }
  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>&) const override {
    throw std::logic_error("landscape tests never need Hessians");
  }
  std::vector<Minimum> globalMinima() const override {
    if (!m_knownMinimum) return {};
    return {{Eigen::Vector2d::Zero(), *m_knownMinimum}};
  }
  Box viewBox() const override {
    return {Eigen::Vector2d::Constant(-1.0), Eigen::Vector2d::Constant(1.0)};
  }
  Eigen::VectorXd defaultStart() const override { return Eigen::Vector2d::Zero(); }
  std::unique_ptr<Objective> clone() const override {
    return std::make_unique<FormulaFunction>(*this);
  }

 private:
  Formula m_formula;
  std::optional<double> m_knownMinimum;
};

inline double bowl(double x, double y) { return x * x + y * y; }

}  // namespace optiscope::testing

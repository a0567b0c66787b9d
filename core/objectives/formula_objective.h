#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <string_view>
#include <unsupported/Eigen/AutoDiff>
#include <utility>

#include "core/objectives/objective.h"

namespace optiscope {

// The plain double inside a (possibly nested) AutoDiff scalar, for formulas that branch on
// the value (e.g. Ackley's kink at the origin).
inline double plainValue(double v) { return v; }
template <class Derivatives>
double plainValue(const Eigen::AutoDiffScalar<Derivatives>& v) {
  return plainValue(v.value());
}

// A 2D test function whose formula is written once, as a template over the scalar type:
//
//   struct F {
//     static constexpr std::string_view kName, kSummary;
//     template <class T> T operator()(const T& x, const T& y) const;
//     std::vector<Minimum> minima() const;  Box viewBox() const;  Eigen::Vector2d start() const;
//   };
//
// Forward-mode AutoDiff differentiates it exactly (up to rounding): one level for the
// gradient, nested for the Hessian. Derivative vectors are fixed-size, so valueAndGradient
// never touches the heap.
template <class Formula>
class FormulaObjective final : public Objective {
 public:
  explicit FormulaObjective(Formula formula = {}) : m_formula(std::move(formula)) {}

  std::string_view name() const override { return Formula::kName; }
  Eigen::Index dim() const override { return 2; }

  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    return m_formula(x[0], x[1]);
  }
  void values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
              Eigen::Ref<Eigen::VectorXd> out) const override {
    if (out.size() != xs.size()) {
      Objective::values(xs, y, out);  // throws the common error
      return;
    }
    for (Eigen::Index i = 0; i < xs.size(); ++i) out[i] = m_formula(xs[i], y);
  }

  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                          Eigen::Ref<Eigen::VectorXd> g) const override {
    const Dual f = m_formula(Dual(x[0], 2, 0), Dual(x[1], 2, 1));
    g = f.derivatives();
    return f.value();
  }

  void valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                          const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> f,
                          Eigen::Ref<Eigen::VectorXd> gx,
                          Eigen::Ref<Eigen::VectorXd> gy) const override {
    if (!batchFits(x, y, f, gx, gy)) {
      Objective::valuesAndGradients(x, y, f, gx, gy);  // throws the common error
      return;
    }
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const Dual value = m_formula(Dual(x[i], 2, 0), Dual(y[i], 2, 1));
      f[i] = value.value();
      gx[i] = value.derivatives()[0];
      gy[i] = value.derivatives()[1];
    }
  }

  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    const DualOfDual f = m_formula(variable(x[0], 0), variable(x[1], 1));
    Eigen::Matrix2d h;
    for (int i = 0; i < 2; ++i) h.row(i) = f.derivatives()[i].derivatives().transpose();
    return h;
  }

  std::vector<Minimum> globalMinima() const override { return m_formula.minima(); }
  Box viewBox() const override { return m_formula.viewBox(); }
  Eigen::VectorXd defaultStart() const override { return m_formula.start(); }
  std::unique_ptr<Objective> clone() const override {
    return std::make_unique<FormulaObjective>(*this);
  }

 private:
  using Dual = Eigen::AutoDiffScalar<Eigen::Vector2d>;
  using DualOfDual = Eigen::AutoDiffScalar<Eigen::Matrix<Dual, 2, 1>>;

  // Seeds coordinate `index` at both levels: d/dx_index = 1 inside and outside.
  static DualOfDual variable(double value, int index) {
    DualOfDual v(Dual(value, 2, index), 2, index);
    for (int i = 0; i < 2; ++i) v.derivatives()[i].derivatives().setZero();
    return v;
  }

  Formula m_formula;
};

// The catalog entry of a parameterless formula.
template <class Formula>
ObjectiveInfo describeFormula() {
  return {std::string(Formula::kName),
          std::string(Formula::kSummary),
          false,
          {},
          [](const ParamValues&) { return std::make_unique<FormulaObjective<Formula>>(); }};
}

}  // namespace optiscope

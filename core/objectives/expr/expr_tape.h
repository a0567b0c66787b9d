#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/objectives/expr/expr_formula.h"

namespace optiscope::expr {

// A formula compiled for one set of parameter values: parameters and every operation on
// constants are folded, repeated subexpressions are shared, `u^2` is a Square and `u^c` a
// PowConst, and only what the value depends on is kept. Instructions are in evaluation order;
// the value is the last one.
//
// Derivatives are exact (automatic differentiation, no finite differences): the gradient by
// one reverse sweep over the tape, the Hessian by forward-over-reverse, one tangent direction
// per coordinate, from each operation's first and second partials (expr_ops.h).
class Tape {
 public:
  Tape(const Formula& formula, const std::vector<double>& parameterValues);

  int dimension() const { return m_dimension; }
  const std::vector<Node>& code() const { return m_code; }
  Eigen::Index size() const { return static_cast<Eigen::Index>(m_code.size()); }

  // `scratch` holds size() doubles (value) or 2·size() (gradient); nothing is allocated.
  double value(const double* x, double* scratch) const;
  // Writes ∇f into g (dimension() entries) and returns f.
  double gradient(const double* x, double* g, double* scratch) const;
  Eigen::MatrixXd hessian(const double* x) const;

 private:
  bool isConstant(int node) const { return m_code[static_cast<size_t>(node)].op == Op::Const; }
  void forward(const double* x, double* values) const;
  // Adjoints ∂f/∂node by one reverse sweep; values from forward().
  void reverse(const double* values, double* adjoints) const;

  std::vector<Node> m_code;
  int m_dimension = 2;
};

}  // namespace optiscope::expr

#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <unsupported/Eigen/AutoDiff>

#include "core/objectives/objective.h"
#include "core/util/spec_error.h"

namespace optiscope {

// An N-d function that is a sum of one 1D term per coordinate, f(x) = Σ term(x_i), with the
// term written once as a template:
//
//   struct Term {
//     static constexpr std::string_view kName, kSummary;
//     template <class T> T operator()(const T& x) const;
//     static constexpr double kMinimizer, kMinimumPerCoordinate, kLow, kHigh;
//     static double start(Eigen::Index i);  // coordinate i of the default start
//   };
//
// The minimum of a separable sum is the per-coordinate minimum in every coordinate, so the
// global minimum is (kMinimizer, …) with value d·kMinimumPerCoordinate. The Hessian is
// diagonal. 1D AutoDiff differentiates the term; nothing is allocated per evaluation.
template <class Term>
class SeparableObjective final : public Objective {
 public:
  explicit SeparableObjective(Eigen::Index dim) : m_dim(dim) {
    if (dim < 1) throw SpecError(std::string(Term::kName) + ": dim must be >= 1");
  }

  std::string_view name() const override { return Term::kName; }
  Eigen::Index dim() const override { return m_dim; }

  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    double f = 0.0;
    for (Eigen::Index i = 0; i < m_dim; ++i) f += m_term(x[i]);
    return f;
  }
  void values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
              Eigen::Ref<Eigen::VectorXd> out) const override {
    if (m_dim != 2 || out.size() != xs.size()) {
      Objective::values(xs, y, out);  // throws the common error
      return;
    }
    // value()'s sum in its order, with the y term evaluated once for the row.
    const double yTerm = m_term(y);
    for (Eigen::Index i = 0; i < xs.size(); ++i) out[i] = (0.0 + m_term(xs[i])) + yTerm;
  }

  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                          Eigen::Ref<Eigen::VectorXd> g) const override {
    double f = 0.0;
    for (Eigen::Index i = 0; i < m_dim; ++i) {
      const Dual t = m_term(Dual(x[i], 1, 0));
      f += t.value();
      g[i] = t.derivatives()[0];
    }
    return f;
  }

  void valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                          const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> f,
                          Eigen::Ref<Eigen::VectorXd> gx,
                          Eigen::Ref<Eigen::VectorXd> gy) const override {
    if (!batchFits(x, y, f, gx, gy)) {
      Objective::valuesAndGradients(x, y, f, gx, gy);  // throws the common error
      return;
    }
    // valueAndGradient's sum in its order: f = (0 + term(x)) + term(y).
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const Dual tx = m_term(Dual(x[i], 1, 0));
      const Dual ty = m_term(Dual(y[i], 1, 0));
      f[i] = (0.0 + tx.value()) + ty.value();
      gx[i] = tx.derivatives()[0];
      gy[i] = ty.derivatives()[0];
    }
  }

  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const override {
    Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m_dim, m_dim);
    for (Eigen::Index i = 0; i < m_dim; ++i) {
      DualOfDual v(Dual(x[i], 1, 0), 1, 0);
      v.derivatives()[0].derivatives().setZero();
      h(i, i) = m_term(v).derivatives()[0].derivatives()[0];
    }
    return h;
  }

  std::vector<Minimum> globalMinima() const override {
    return {{Eigen::VectorXd::Constant(m_dim, Term::kMinimizer),
             static_cast<double>(m_dim) * Term::kMinimumPerCoordinate}};
  }
  Box viewBox() const override {
    return {Eigen::VectorXd::Constant(m_dim, Term::kLow),
            Eigen::VectorXd::Constant(m_dim, Term::kHigh)};
  }
  Eigen::VectorXd defaultStart() const override {
    Eigen::VectorXd start(m_dim);
    for (Eigen::Index i = 0; i < m_dim; ++i) start[i] = Term::start(i);
    return start;
  }
  std::unique_ptr<Objective> clone() const override {
    return std::make_unique<SeparableObjective>(*this);
  }

 private:
  using Dual = Eigen::AutoDiffScalar<Eigen::Matrix<double, 1, 1>>;
  using DualOfDual = Eigen::AutoDiffScalar<Eigen::Matrix<Dual, 1, 1>>;

  Eigen::Index m_dim;
  Term m_term;
};

// The catalog entry of a separable function, with its `dim` parameter.
template <class Term>
ObjectiveInfo describeSeparable() {
  return {std::string(Term::kName),
          std::string(Term::kSummary),
          true,
          {integerParam("dim", 2, "number of coordinates", 1, 100000)},
          [](const ParamValues& v) {
            return std::make_unique<SeparableObjective<Term>>(v.integer("dim"));
          }};
}

}  // namespace optiscope

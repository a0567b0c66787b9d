#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/objectives/expr/expr_rows.h"
#include "core/objectives/expr/expr_tape.h"
#include "core/objectives/objective.h"

namespace optiscope {

// A surface typed as a formula: `expr:f=(1-x)^2+100*(y-x^2)^2`, `expr:f=a*x^2+b*y^2,a=1,b=10`,
// `expr:f=x1^2+x2^2+x3^2`. Values, exact gradients and Hessians come from the compiled tape
// (expr_tape.h); rows of the landscape from its row program; minima from a numerical search
// (expr_minima.h), run on first use and shared by clones.
//
// Keys (see describeExpr): f, one per formula parameter, the view box xmin, xmax (and ymin,
// ymax in 2D), the default start x0 (and y0 in 2D). The box defaults to [-2, 2] per
// coordinate; the start to 1/8 of the box in from its upper-left corner, (-1.5, 1.5) by
// default (N-d: every coordinate at 1/8 from its lower end).
class ExprObjective final : public Objective {
 public:
  ExprObjective(std::string formula, const expr::Formula& parsed,
                const std::vector<double>& parameterValues, Box box, Eigen::VectorXd start);

  static ObjectiveInfo describe();

  std::string_view name() const override { return "expr"; }
  Eigen::Index dim() const override { return m_compiled->tape.dimension(); }
  const std::string& formula() const { return m_formula; }

  double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override;
  void values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
              Eigen::Ref<Eigen::VectorXd> out) const override;
  double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                          Eigen::Ref<Eigen::VectorXd> g) const override;
  Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const override;

  std::vector<Minimum> globalMinima() const override;
  bool minimaAreNumerical() const override { return true; }
  Box viewBox() const override { return m_box; }
  Eigen::VectorXd defaultStart() const override { return m_start; }
  std::unique_ptr<Objective> clone() const override;

 private:
  struct Compiled {
    expr::Tape tape;
    std::unique_ptr<expr::RowProgram> rows;  // 2D only
  };
  // Found once, on first use, by whichever thread asks first; clones share it.
  struct MinimaCache {
    std::once_flag once;
    std::vector<Minimum> minima;
  };

  std::string m_formula;
  std::shared_ptr<const Compiled> m_compiled;
  std::shared_ptr<MinimaCache> m_minima;
  Box m_box;
  Eigen::VectorXd m_start;
};

}  // namespace optiscope

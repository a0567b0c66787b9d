#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "core/optim/optimizer.h"

namespace optiscope {

// One line of an explained update: "m = β1·m + (1−β1)·d" with that step's numbers.
struct ExplainedLine {
  std::string symbol;
  std::string formula;  // for inputs: what they are ("the gradient", "state before the step")
  bool perParameter = true;
  std::vector<double> values;  // one per parameter; one value for a per-step scalar
};

// The next update of an optimizer written out: its inputs θ and g, its state before the step,
// the scalars of the step, every intermediate quantity per parameter, the effective learning
// rate η_eff, the new parameters θ' and Δθ = θ' − θ, in the order the update computes them.
struct UpdateExplanation {
  std::string optimizer;
  long long step = 0;  // the number of the step explained (the first step is 1)
  // False when the optimizer does not describe its update: only θ' and η_eff of the whole step.
  bool stepwise = true;
  std::vector<ExplainedLine> lines;

  // The last line with this symbol (as the math reads it); nullptr if there is none.
  const ExplainedLine* find(std::string_view symbol) const;
};

// Explains the update that `optimizer.step(params, gradient)` would make now, from the
// optimizer's own recipe (Optimizer::describeUpdate) evaluated against its current state; the
// optimizer is not changed. θ' and η_eff are bit for bit what that step then produces. Throws
// std::invalid_argument if params and gradient do not have the optimizer's size.
UpdateExplanation explainStep(const Optimizer& optimizer, const Eigen::VectorXd& params,
                              const Eigen::VectorXd& gradient);

}  // namespace optiscope

#include "core/optim/update_explanation.h"

#include <stdexcept>

#include "core/optim/update_recipe.h"

namespace optiscope {

const ExplainedLine* UpdateExplanation::find(std::string_view symbol) const {
  for (auto it = lines.rbegin(); it != lines.rend(); ++it)
    if (it->symbol == symbol) return &*it;
  return nullptr;
}

UpdateExplanation explainStep(const Optimizer& optimizer, const Eigen::VectorXd& params,
                              const Eigen::VectorXd& gradient) {
  const Eigen::Index n = optimizer.size();
  if (params.size() != n || gradient.size() != n)
    throw std::invalid_argument("explainStep: parameters and gradient must have " +
                                std::to_string(n) + " entries like the optimizer's state");
  UpdateRecipe recipe;
  recipe.input("θ", "the parameters before the step", params);
  recipe.input("g", "the gradient at θ", gradient);
  optimizer.describeUpdate(recipe);
  const auto& entries = recipe.entries();

  UpdateExplanation explanation;
  explanation.optimizer = std::string(optimizer.name());
  explanation.step = optimizer.steps() + 1;
  explanation.stepwise = !recipe.wholeStep();
  for (const auto& entry : entries) {
    ExplainedLine line{entry.symbol, entry.formula, entry.kind != UpdateRecipe::Kind::Scalar, {}};
    if (entry.kind == UpdateRecipe::Kind::Scalar) line.values.push_back(entry.scalar);
    explanation.lines.push_back(std::move(line));
  }
  std::vector<double> computed(entries.size());
  for (Eigen::Index i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const auto& entry = entries[k];
      switch (entry.kind) {
        case UpdateRecipe::Kind::Input:
          computed[k] = (*entry.input)[i];
          break;
        case UpdateRecipe::Kind::Scalar:
          computed[k] = entry.scalar;
          break;
        case UpdateRecipe::Kind::Line:
          computed[k] = entry.eval(RecipeRow(recipe, computed, k));
          break;
      }
      if (entry.kind != UpdateRecipe::Kind::Scalar)
        explanation.lines[k].values.push_back(computed[k]);
    }
  }
  const ExplainedLine* next = explanation.find("θ'");
  if (!next || !explanation.find("η_eff"))
    throw std::logic_error("the update recipe of " + explanation.optimizer +
                           " must define θ' and η_eff");
  ExplainedLine delta{"Δθ", "θ' − θ", true, {}};
  for (Eigen::Index i = 0; i < n; ++i) delta.values.push_back(next->values[i] - params[i]);
  explanation.lines.push_back(std::move(delta));
  return explanation;
}

}  // namespace optiscope

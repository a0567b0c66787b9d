#include "core/optim/update_recipe.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace optiscope {

double RecipeRow::operator[](std::string_view symbol) const {
  const auto& entries = m_recipe.entries();
  for (std::size_t k = m_count; k-- > 0;)
    if (entries[k].symbol == symbol) return m_computed[k];
  throw std::logic_error("update recipe: '" + std::string(symbol) +
                         "' is used before it is defined");
}

UpdateRecipe& UpdateRecipe::input(std::string symbol, std::string formula,
                                  const Eigen::VectorXd& values) {
  m_entries.push_back({Kind::Input, std::move(symbol), std::move(formula), &values, 0.0, {}});
  return *this;
}

UpdateRecipe& UpdateRecipe::ownedInput(std::string symbol, std::string formula,
                                       Eigen::VectorXd values) {
  m_owned.push_back(std::move(values));
  return input(std::move(symbol), std::move(formula), m_owned.back());
}

const Eigen::VectorXd& UpdateRecipe::inputValues(std::string_view symbol) const {
  for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
    if (it->kind == Kind::Input && it->symbol == symbol) return *it->input;
  throw std::logic_error("update recipe: no input '" + std::string(symbol) + "'");
}

UpdateRecipe& UpdateRecipe::scalar(std::string symbol, std::string formula, double value) {
  m_entries.push_back({Kind::Scalar, std::move(symbol), std::move(formula), nullptr, value, {}});
  return *this;
}

UpdateRecipe& UpdateRecipe::line(std::string symbol, std::string formula, Eval eval) {
  m_entries.push_back(
      {Kind::Line, std::move(symbol), std::move(formula), nullptr, 0.0, std::move(eval)});
  return *this;
}

void describeDirection(UpdateRecipe& recipe, bool maximize, double weightDecay) {
  if (maximize) {
    recipe.line("d", "−g (maximize)", [](const RecipeRow& e) { return -e["g"]; });
  } else {
    recipe.line("d", "g", [](const RecipeRow& e) { return e["g"]; });
  }
  if (weightDecay == 0.0) return;
  recipe.scalar("wd", "weight decay", weightDecay);
  recipe.line("d", "d + wd·θ",
              [weightDecay](const RecipeRow& e) { return std::fma(weightDecay, e["θ"], e["d"]); });
}

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace optiscope {

class UpdateRecipe;

// The values one parameter's update has reached so far, by symbol: what a recipe line reads.
// A symbol defined twice (d = g, then d = d + wd·θ; the state m, then the new m) reads as its
// latest definition, as in the written-out math.
class RecipeRow {
 public:
  // `computed` holds the values of the recipe's first `count` entries for this parameter.
  RecipeRow(const UpdateRecipe& recipe, const std::vector<double>& computed, std::size_t count)
      : m_recipe(recipe), m_computed(computed), m_count(count) {}
  // Throws std::logic_error for a symbol not defined yet (a mistake in a recipe).
  double operator[](std::string_view symbol) const;

 private:
  const UpdateRecipe& m_recipe;
  const std::vector<double>& m_computed;
  std::size_t m_count;
};

// An optimizer's update written out as named lines, each with its formula and a way to compute
// it: the optimizer's own description of its step, which the step inspector evaluates against
// the state before a step (explainStep). Every optimizer writes its recipe next to its kernel,
// with the kernel's operations in the kernel's order (std::fma where the kernel fuses), so that
// the recipe's θ' is bit for bit the kernel's new θ; tests hold each optimizer to that.
//
// Entries, in the order written (explainStep starts every recipe with the inputs θ and g):
//  - input(symbol, formula, values): a per-parameter vector, θ and g, or a state vector as it
//    stands before the step (m, v, sum, ...);
//  - scalar(symbol, formula, value): a number of this step (t, bias corrections, a step size);
//  - line(symbol, formula, eval): a per-parameter quantity computed from earlier entries.
// A recipe must define "θ'" (the new parameters) and "η_eff" (the effective learning rate,
// OPTIMIZERS.md §1.13).
class UpdateRecipe {
 public:
  using Eval = std::function<double(const RecipeRow&)>;

  UpdateRecipe& input(std::string symbol, std::string formula, const Eigen::VectorXd& values);
  // An input whose values the recipe keeps (results computed while the recipe is written).
  UpdateRecipe& ownedInput(std::string symbol, std::string formula, Eigen::VectorXd values);
  UpdateRecipe& scalar(std::string symbol, std::string formula, double value);
  UpdateRecipe& line(std::string symbol, std::string formula, Eval eval);

  enum class Kind { Input, Scalar, Line };
  struct Entry {
    Kind kind;
    std::string symbol, formula;
    const Eigen::VectorXd* input = nullptr;  // Input: the caller's vector (not copied)
    double scalar = 0.0;                     // Scalar
    Eval eval;                               // Line
  };
  const std::vector<Entry>& entries() const { return m_entries; }
  // The vector of input `symbol` (θ, g, a state); throws std::logic_error if there is none.
  const Eigen::VectorXd& inputValues(std::string_view symbol) const;

  // Set by the default Optimizer::describeUpdate: the step was taken as a whole, not described.
  void markWholeStep() { m_wholeStep = true; }
  bool wholeStep() const { return m_wholeStep; }

 private:
  std::vector<Entry> m_entries;
  std::deque<Eigen::VectorXd> m_owned;  // a deque: adding one keeps the others' addresses
  bool m_wholeStep = false;
};

// The direction most updates start from: d = g (d = −g with maximize), then d = d + wd·θ
// (torch's L2 weight decay, fma(wd, θ, d)) when wd ≠ 0.
void describeDirection(UpdateRecipe& recipe, bool maximize, double weightDecay);

}  // namespace optiscope

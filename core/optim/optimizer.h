#pragma once

#include <Eigen/Core>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/params.h"

namespace optiscope {

class UpdateRecipe;

// A named state vector of an optimizer (`m`, `v`, `sum`, `momentum_buffer`, ...), readable
// by a GUI that does not know which optimizer it is looking at.
struct StateView {
  std::string_view name;
  const Eigen::VectorXd* values;
};

// Which hyperparameter a cycling schedule (onecycle, cyclic) drives as "momentum", as torch
// does: `momentum` for SGD and RMSprop, `beta1` for the Adam family.
enum class MomentumKind { None, Momentum, Beta1 };

// The optimizer interface. Hyperparameters are a validated ParamValues (the table lives in
// the registry); the per-run state is owned here and copied by clone(). Conventions:
//  - init(n) allocates everything; step() allocates nothing.
//  - lr() is torch's group['lr']: schedules overwrite it between steps, optimizers read it
//    at every step (except where torch reads it only once: Rprop, ASGD).
//  - After each step, effectiveLr() holds the per-parameter rate applied in that step and
//    effectiveLrTarget() names the direction it multiplies (OPTIMIZERS.md §1.13). It is
//    computed on first use after a step, from the state and scalars the step captured: writing
//    it in every step was one more full vector of memory traffic (SGD with momentum moves five
//    without it), whether anyone read it or not.
class Optimizer {
 public:
  virtual ~Optimizer() = default;

  virtual std::string_view name() const = 0;

  // Validates (ranges were checked by the registry; this adds cross-field rules such as
  // "nesterov requires momentum > 0") and applies. State and step count are kept, so a
  // change takes effect from the next step. Throws SpecError and keeps the old values.
  void setHyperparameters(const ParamValues& values);
  const ParamValues& hyperparameters() const { return m_values; }

  // Allocates state for n parameters and resets to step 0.
  void init(Eigen::Index n);
  // One update of p given the gradient g (same size as at init).
  void step(Eigen::Ref<Eigen::VectorXd> p, const Eigen::Ref<const Eigen::VectorXd>& g);

  double lr() const { return m_lr; }
  void setLr(double lr) { m_lr = lr; }
  virtual MomentumKind momentumKind() const { return MomentumKind::None; }
  virtual double momentum() const { return 0.0; }
  virtual void setMomentum(double) {}

  // True when step() treats every coordinate on its own: coordinate i of the update depends
  // only on p_i, g_i, the i-th entries of the state and on scalars that depend on nothing but
  // the hyperparameters, the lr and the step count. Runs stacked into one vector then step
  // exactly as they would alone, which is how core/analysis batches start-point maps. False
  // unless an optimizer says so, so that one with a global norm or a per-tensor ratio (gradient
  // clipping by norm, LAMB's trust ratio) is never batched by accident.
  virtual bool elementwise() const { return false; }

  long long steps() const { return m_steps; }
  Eigen::Index size() const { return m_etaEff.size(); }
  // NaN before the first step. Fills a cache on first use (allocation-free), so concurrent
  // calls on one optimizer need the same synchronisation as step().
  const Eigen::VectorXd& effectiveLr() const;
  virtual std::string_view effectiveLrTarget() const = 0;
  virtual std::vector<StateView> state() const = 0;

  // Writes the next update into `recipe` as named lines with formulas (update_recipe.h), from
  // the current state, hyperparameters and lr: the optimizer's own description of its step,
  // which the step inspector (explainStep) evaluates. The lines repeat the step's operations
  // in the step's order, so the θ' and η_eff they give are bit for bit the step's. Every
  // optimizer of the catalog describes itself; the default, for one that does not (yet), takes
  // the step as a whole on a copy and reports only θ' and η_eff.
  virtual void describeUpdate(UpdateRecipe& recipe) const;

  virtual std::unique_ptr<Optimizer> clone() const = 0;

 protected:
  virtual void validate(const ParamValues&) const {}
  virtual void applyHyperparameters(const ParamValues& values) = 0;
  virtual void allocate(Eigen::Index n) = 0;
  virtual void update(Eigen::Ref<Eigen::VectorXd> p,
                      const Eigen::Ref<const Eigen::VectorXd>& g) = 0;
  // Writes η_eff of the last update into `out` (sized n), bit for bit what the update applied,
  // from the state and the scalars update() captured (hyperparameters may have changed since).
  // Called at most once per step, only when someone asks. An optimizer whose η_eff needs a
  // value its update overwrites writes it into eagerEffectiveLr() during update() instead, and
  // leaves this empty.
  virtual void computeEffectiveLr(Eigen::VectorXd& out) const = 0;
  Eigen::VectorXd& eagerEffectiveLr() { return m_etaEff; }

  long long m_steps = 0;  // completed steps; update() sees the value before increment

 private:
  ParamValues m_values;
  double m_lr = 0.0;
  mutable Eigen::VectorXd m_etaEff;
  mutable bool m_etaEffCurrent = true;  // false from a step until effectiveLr() is asked for
};

// CRTP helper so each optimizer gets clone() without repeating it.
template <class Derived>
class OptimizerBase : public Optimizer {
 public:
  std::unique_ptr<Optimizer> clone() const override {
    return std::make_unique<Derived>(static_cast<const Derived&>(*this));
  }
};

}  // namespace optiscope

#pragma once

#include <Eigen/Core>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/params.h"

namespace optiscope {

struct Minimum {
  Eigen::VectorXd point;
  double value;
};

// Axis-aligned box; for a 2D function the default view of the landscape.
struct Box {
  Eigen::VectorXd lower, upper;
};

// A differentiable test function of any dimension with exact derivatives. 2D functions are
// the landscape explorer's surfaces; N-d ones exercise optimizers on larger vectors; small
// networks will join through the same interface.
class Objective {
 public:
  virtual ~Objective() = default;
  virtual std::string_view name() const = 0;
  virtual Eigen::Index dim() const = 0;

  virtual double value(const Eigen::Ref<const Eigen::VectorXd>& x) const = 0;
  // One row of a landscape grid: out[i] = value((xs[i], y)), bit for bit, for a 2D objective
  // (throws std::logic_error otherwise, or if out.size() != xs.size()). The default calls
  // value() per point; overrides evaluate the formula in a loop that can vectorize, without a
  // virtual call and an Eigen::Ref per point.
  virtual void values(const Eigen::Ref<const Eigen::VectorXd>& xs, double y,
                      Eigen::Ref<Eigen::VectorXd> out) const;
  // Writes ∇f(x) into g (sized dim(); nothing is allocated) and returns f(x).
  virtual double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                                  Eigen::Ref<Eigen::VectorXd> g) const = 0;
  // Many 2D points at once, for runs stepped as one batch (start-point maps): f[i] and
  // (gx[i], gy[i]) are valueAndGradient((x[i], y[i])), bit for bit. Throws std::logic_error
  // for a function that is not 2D or vectors of different sizes. The default calls
  // valueAndGradient() per point; overrides evaluate the formula in a loop without a virtual
  // call and an Eigen::Ref per point.
  virtual void valuesAndGradients(const Eigen::Ref<const Eigen::VectorXd>& x,
                                  const Eigen::Ref<const Eigen::VectorXd>& y,
                                  Eigen::Ref<Eigen::VectorXd> f, Eigen::Ref<Eigen::VectorXd> gx,
                                  Eigen::Ref<Eigen::VectorXd> gy) const;
  virtual Eigen::MatrixXd hessian(const Eigen::Ref<const Eigen::VectorXd>& x) const = 0;

  // Every global minimum with its value from the literature.
  virtual std::vector<Minimum> globalMinima() const = 0;
  // True when globalMinima() was found numerically (a typed formula) rather than taken from
  // the literature: a GUI says so next to the markers.
  virtual bool minimaAreNumerical() const { return false; }
  virtual Box viewBox() const = 0;
  virtual Eigen::VectorXd defaultStart() const = 0;

  virtual std::unique_ptr<Objective> clone() const = 0;

  double minimumValue() const;  // the value of the global minima

 protected:
  // True when valuesAndGradients may run: a 2D function and five vectors of one size.
  bool batchFits(const Eigen::Ref<const Eigen::VectorXd>& x,
                 const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::Ref<Eigen::VectorXd>& f,
                 const Eigen::Ref<Eigen::VectorXd>& gx,
                 const Eigen::Ref<Eigen::VectorXd>& gy) const;
};

struct ObjectiveInfo {
  std::string name;
  std::string summary;
  bool anyDimension = false;      // has a `dim` parameter
  std::vector<ParamInfo> params;  // e.g. quadratic: condition, angle; N-d: dim
  std::function<std::unique_ptr<Objective>(const ParamValues&)> create;
  // Set only for objectives whose keys depend on the spec (expr: one key per parameter its
  // formula uses); `params` then lists the keys every such spec may have. `parse` validates a
  // spec into values, `paramsOf` is the complete table of valid values.
  std::function<ParamValues(const Spec&)> parse = {};
  std::function<std::vector<ParamInfo>(const ParamValues&)> paramsOf = {};
};

struct ObjectiveConfig {
  std::string name;
  ParamValues values;

  std::string spec() const;
  bool operator==(const ObjectiveConfig&) const = default;
};

const std::vector<ObjectiveInfo>& objectiveCatalog();
// Surfaces the user types rather than picks: `expr:f=<formula>` (core/objectives/expr).
const std::vector<ObjectiveInfo>& typedObjectiveCatalog();
// Either catalog; throws SpecError.
const ObjectiveInfo& findObjective(std::string_view name);
// The parameter table of a config: the catalog's, or for expr the one of its formula (with a
// field per formula parameter), which is what a GUI builds its fields from.
std::vector<ParamInfo> objectiveParams(const ObjectiveConfig& config);
// `quadratic:condition=10,angle=30`, `rosenbrock:dim=10`, `expr:f=a*x^2+y^2,a=3`.
ObjectiveConfig parseObjectiveSpec(std::string_view spec);
std::unique_ptr<Objective> makeObjective(const ObjectiveConfig& config);
std::unique_ptr<Objective> makeObjective(std::string_view spec);

}  // namespace optiscope

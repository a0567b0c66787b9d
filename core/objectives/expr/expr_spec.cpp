// The spec side of typed surfaces: which keys `expr:f=...` takes, their validation, and the
// parameter table a GUI builds its fields from.
#include <algorithm>
#include <cmath>

#include "core/objectives/expr/expr_objective.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

constexpr const char* kExample = "e.g. expr:f=x^2+10*y^2";

// Keys that are not formula parameters.
const std::vector<std::string>& fixedKeys() {
  static const std::vector<std::string> keys = {"f", "xmin", "xmax", "ymin", "ymax", "x0", "y0"};
  return keys;
}

bool isFixedKey(const std::string& key) {
  return std::find(fixedKeys().begin(), fixedKeys().end(), key) != fixedKeys().end();
}

// Parser messages are "<problem> at column N ...": this adds whose formula it is.
expr::Formula parsed(const std::string& formula, const std::vector<std::string>* parameters) {
  try {
    return expr::parseFormula(formula, parameters);
  } catch (const SpecError& e) {
    throw SpecError(std::string("expr: ") + e.what() + " in '" + formula + "'");
  }
}

ParamInfo anyReal(std::string name, double def, std::string help) {
  return realParam(std::move(name), def, std::move(help), -INFINITY, INFINITY);
}

// The table of a formula: f, its parameters in order of first use, the view box, the start.
// The start's defaults follow the box, so a box given alone still starts inside it.
std::vector<ParamInfo> tableFor(const expr::Formula& formula, const std::string& text, double xmin,
                                double xmax, double ymin, double ymax) {
  std::vector<ParamInfo> table = {textParam("f", text, "the formula")};
  for (const std::string& name : formula.parameters)
    table.push_back(anyReal(name, 1.0, "formula parameter"));
  const bool plane = !formula.indexed;
  const std::string coordinate = plane ? "x" : "every coordinate";
  table.push_back(anyReal("xmin", xmin, "view box: lower end of " + coordinate));
  table.push_back(anyReal("xmax", xmax, "view box: upper end of " + coordinate));
  if (plane) {
    table.push_back(anyReal("ymin", ymin, "view box: lower end of y"));
    table.push_back(anyReal("ymax", ymax, "view box: upper end of y"));
  }
  table.push_back(anyReal("x0", xmin + (xmax - xmin) / 8.0, "default start of " + coordinate));
  if (plane) table.push_back(anyReal("y0", ymax - (ymax - ymin) / 8.0, "default start of y"));
  return table;
}

const std::string* argument(const Spec& spec, const std::string& key) {
  for (const auto& [k, v] : spec.args)
    if (k == key) return &v;
  return nullptr;
}

double givenOr(const Spec& spec, const std::string& key, double fallback) {
  const std::string* text = argument(spec, key);
  return text ? parseFiniteDouble(*text, "expr: " + key) : fallback;
}

ParamValues parseExpr(const Spec& spec) {
  const std::string* formulaText = argument(spec, "f");
  if (formulaText == nullptr)
    throw SpecError(std::string("expr: missing f=<formula>, ") + kExample);
  if (formulaText->empty()) throw SpecError(std::string("expr: the formula is empty, ") + kExample);

  std::vector<std::string> parameters;
  for (const auto& [key, value] : spec.args) {
    if (isFixedKey(key)) continue;
    const std::string problem = expr::parameterNameProblem(key);
    if (!problem.empty())
      throw SpecError("expr: '" + key + "' " + problem + ", so it cannot be a parameter");
    parameters.push_back(key);
  }
  const expr::Formula formula = parsed(*formulaText, &parameters);
  for (const std::string& name : parameters)
    if (std::find(formula.parameters.begin(), formula.parameters.end(), name) ==
        formula.parameters.end())
      throw SpecError("expr: parameter '" + name + "' is given but the formula does not use it");

  const std::vector<ParamInfo> table =
      tableFor(formula, *formulaText, givenOr(spec, "xmin", -2.0), givenOr(spec, "xmax", 2.0),
               givenOr(spec, "ymin", -2.0), givenOr(spec, "ymax", 2.0));
  return applyArgs(table, defaultValues(table), spec.args, "expr");
}

std::vector<ParamInfo> exprParams(const ParamValues& values) {
  const std::string& text = values.text("f");
  const expr::Formula formula = parsed(text, nullptr);
  const bool plane = !formula.indexed;
  return tableFor(formula, text, values.real("xmin"), values.real("xmax"),
                  plane ? values.real("ymin") : -2.0, plane ? values.real("ymax") : 2.0);
}

std::unique_ptr<Objective> createExpr(const ParamValues& values) {
  const std::string& text = values.text("f");
  const expr::Formula formula = parsed(text, nullptr);
  std::vector<double> parameterValues;
  for (const std::string& name : formula.parameters) {
    if (!values.has(name))
      throw SpecError("expr: parameter '" + name + "' of the formula has no value; add ," + name +
                      "=<number>");
    parameterValues.push_back(values.real(name));
  }
  const Eigen::Index n = formula.dimension;
  const bool plane = !formula.indexed;
  const double xmin = values.real("xmin"), xmax = values.real("xmax");
  if (!(xmin < xmax)) throw SpecError("expr: xmin must be below xmax");
  Box box{Eigen::VectorXd::Constant(n, xmin), Eigen::VectorXd::Constant(n, xmax)};
  Eigen::VectorXd start = Eigen::VectorXd::Constant(n, values.real("x0"));
  if (plane) {
    const double ymin = values.real("ymin"), ymax = values.real("ymax");
    if (!(ymin < ymax)) throw SpecError("expr: ymin must be below ymax");
    box.lower[1] = ymin;
    box.upper[1] = ymax;
    start[1] = values.real("y0");
  }
  return std::make_unique<ExprObjective>(text, formula, parameterValues, std::move(box),
                                         std::move(start));
}

}  // namespace

ObjectiveInfo ExprObjective::describe() {
  ObjectiveInfo info;
  info.name = "expr";
  info.summary = "a surface typed as a formula in x, y (or x1..xn) with + - * / ^, pi, e and " +
                 std::string(expr::functionList()) + "; parameters follow the formula (,a=1)";
  info.anyDimension = false;  // the dimension comes from the variables the formula uses
  const expr::Formula example = expr::parseFormula("x^2+10*y^2", nullptr);
  info.params = tableFor(example, "x^2+10*y^2", -2.0, 2.0, -2.0, 2.0);
  info.create = createExpr;
  info.parse = parseExpr;
  info.paramsOf = exprParams;
  return info;
}

}  // namespace optiscope

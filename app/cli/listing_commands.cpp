#include <iostream>
#include <sstream>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/objectives/objective.h"
#include "core/optim/chain/chain_block.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope::cli {
namespace {

std::string point(const Eigen::VectorXd& x) {
  std::string out = "(";
  for (Eigen::Index i = 0; i < x.size(); ++i) out += (i ? ", " : "") + formatDouble(x[i]);
  return out + ")";
}

std::string paramList(const std::vector<ParamInfo>& params) {
  std::string out;
  for (const auto& p : params) out += " " + p.name + "=" + p.defaultAsText();
  return out;
}

}  // namespace

int listFunctions(const std::vector<std::string>& args) {
  Arguments(args, "functions", {});
  for (const auto& info : objectiveCatalog()) {
    const auto objective = makeObjective(info.name);
    std::ostringstream line;
    line << info.name << "  dim=" << (info.anyDimension ? "N (default " : "") << objective->dim()
         << (info.anyDimension ? ")" : "");
    const auto minima = objective->globalMinima();
    line << "  minima=";
    if (minima.empty()) line << "none";
    for (size_t i = 0; i < minima.size(); ++i)
      line << (i ? "; " : "") << "f" << point(minima[i].point) << "="
           << formatDouble(minima[i].value);
    const Box box = objective->viewBox();
    line << "  view=";
    for (Eigen::Index i = 0; i < box.lower.size(); ++i)
      line << (i ? "x" : "") << "[" << formatDouble(box.lower[i]) << ","
           << formatDouble(box.upper[i]) << "]";
    line << "  start=" << point(objective->defaultStart());
    if (!info.params.empty()) line << "  params:" << paramList(info.params);
    std::cout << line.str() << '\n';
  }
  // Typed surfaces have no fixed minima or box: the keys say what can be set.
  for (const auto& info : typedObjectiveCatalog())
    std::cout << info.name
              << ":f=<formula>  dim=2 (x, y) or N (x1..xn)  minima=numerical  "
                 "view=[-2,2]x[-2,2] (keys xmin,xmax,ymin,ymax)  start=(-1.5, 1.5) (keys x0,y0)  "
                 "params: one per name in the formula, e.g. expr:f=a*x^2+b*y^2,a=1,b=10  — "
              << info.summary << '\n';
  return 0;
}

int listOptimizers(const std::vector<std::string>& args) {
  Arguments(args, "optimizers", {});
  for (const auto& info : optimizerCatalog())
    std::cout << info.name << ":" << paramList(info.params) << "  — " << info.summary << '\n';
  // The blocks a chain is built from, each as it is written in chain:blocks=[...].
  for (const auto& block : chainBlockCatalog())
    std::cout << "  chain block " << block.name << ":" << paramList(block.params) << "  — "
              << block.summary << ": " << block.formula << '\n';
  return 0;
}

int listSchedules(const std::vector<std::string>& args) {
  Arguments(args, "schedules", {});
  for (const auto& info : scheduleCatalog())
    std::cout << info.name << ":" << paramList(info.params) << "  — " << info.summary << '\n';
  return 0;
}

}  // namespace optiscope::cli

#include <iostream>
#include <sstream>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "core/objectives/objective.h"
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
  return 0;
}

int listOptimizers(const std::vector<std::string>& args) {
  Arguments(args, "optimizers", {});
  for (const auto& info : optimizerCatalog())
    std::cout << info.name << ":" << paramList(info.params) << "  — " << info.summary << '\n';
  return 0;
}

int listSchedules(const std::vector<std::string>& args) {
  Arguments(args, "schedules", {});
  for (const auto& info : scheduleCatalog())
    std::cout << info.name << ":" << paramList(info.params) << "  — " << info.summary << '\n';
  return 0;
}

}  // namespace optiscope::cli

// libFuzzer harness: optimizer, schedule and function specs. The input is up to three lines
// (optimizer, schedule, function). Each is parsed; a SpecError is the expected answer to bad
// text, anything else escaping is a finding. A valid config must read back from its own
// canonical spec, and the optimizer is then built and stepped a few times on the function
// under the schedule: whatever the numbers, nothing may crash, hang or trip a sanitizer.
// Function specs include typed formulas (expr:f=...) and optimizer specs chains of blocks
// (chain:blocks=[...]); for a 2D function a landscape row must be value() at each of its
// points, and the Hessian is evaluated at the start.
#include <Eigen/Core>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/objectives/objective.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec_error.h"

namespace {

using namespace optiscope;

constexpr int kSteps = 20;
// Bigger objectives only slow the fuzzer down without reaching new code.
constexpr Eigen::Index kMaxDimension = 4096;

std::vector<std::string> splitLines(std::string_view text, std::size_t count) {
  std::vector<std::string> lines;
  while (lines.size() + 1 < count) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) break;
    lines.emplace_back(text.substr(0, newline));
    text.remove_prefix(newline + 1);
  }
  lines.emplace_back(text);
  lines.resize(count);
  return lines;
}

template <class Config, class Parse>
bool parseRoundTrip(const std::string& text, Parse parse, Config& config) {
  try {
    config = parse(text);
  } catch (const SpecError&) {
    return false;
  }
  // The canonical spec is what experiment files and the GUI store: it must mean the same.
  if (!(parse(config.spec()) == config)) std::abort();
  return true;
}

// A landscape row (Objective::values) is value() at every point, bit for bit (any NaN equals
// any NaN); a typed formula's row program is a separate evaluator that must agree.
void checkRow(const Objective& objective, const Eigen::VectorXd& start) {
  if (objective.dim() != 2) return;
  Eigen::VectorXd xs(9), row(9);
  const double xsValues[] = {start[0], -start[0], 0.0, -0.0, 1e-300, 1e300, -2.5, 0.75, NAN};
  for (Eigen::Index i = 0; i < 9; ++i) xs[i] = xsValues[i];
  objective.values(xs, start[1], row);
  for (Eigen::Index i = 0; i < 9; ++i) {
    const double expected = objective.value(Eigen::Vector2d(xs[i], start[1]));
    const bool same =
        (std::isnan(expected) && std::isnan(row[i])) ||
        std::bit_cast<std::uint64_t>(expected) == std::bit_cast<std::uint64_t>(row[i]);
    if (!same) std::abort();
  }
}

void stepOptimizer(const OptimizerConfig& optimizerConfig, const ScheduleConfig& scheduleConfig,
                   const ObjectiveConfig& objectiveConfig) {
  std::unique_ptr<Objective> objective;
  std::unique_ptr<Optimizer> optimizer;
  std::unique_ptr<Schedule> schedule;
  try {
    objective = makeObjective(objectiveConfig);
    optimizer = makeOptimizer(optimizerConfig);
    schedule = makeSchedule(scheduleConfig);
  } catch (const SpecError&) {
    return;
  }
  if (objective->dim() > kMaxDimension) return;
  Eigen::VectorXd x = objective->defaultStart();
  Eigen::VectorXd g(x.size());
  checkRow(*objective, x);
  if (x.size() <= 64) (void)objective->hessian(x);
  optimizer->init(x.size());
  try {
    // A schedule checks what it needs of the optimizer (e.g. a momentum to cycle) here.
    schedule->attach(*optimizer);
  } catch (const SpecError&) {
    return;
  }
  for (int k = 0; k < kSteps; ++k) {
    objective->valueAndGradient(x, g);
    optimizer->step(x, g);
    schedule->step(*optimizer, objective->value(x));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto lines = splitLines(std::string_view(reinterpret_cast<const char*>(data), size), 3);
  OptimizerConfig optimizer;
  ScheduleConfig schedule;
  ObjectiveConfig objective;
  const bool optimizerOk = parseRoundTrip(
      lines[0], [](const std::string& s) { return parseOptimizerSpec(s); }, optimizer);
  const bool scheduleOk = parseRoundTrip(
      lines[1], [](const std::string& s) { return parseScheduleSpec(s); }, schedule);
  const bool objectiveOk = parseRoundTrip(
      lines[2], [](const std::string& s) { return parseObjectiveSpec(s); }, objective);
  if (!optimizerOk) return 0;
  if (!scheduleOk) schedule = ScheduleConfig{};
  if (!objectiveOk) objective = parseObjectiveSpec("rosenbrock");
  stepOptimizer(optimizer, schedule, objective);
  return 0;
}

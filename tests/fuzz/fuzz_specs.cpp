// libFuzzer harness: optimizer, schedule and function specs. The input is up to three lines
// (optimizer, schedule, function). Each is parsed; a SpecError is the expected answer to bad
// text, anything else escaping is a finding. A valid config must read back from its own
// canonical spec, and the optimizer is then built and stepped a few times on the function
// under the schedule: whatever the numbers, nothing may crash, hang or trip a sanitizer.
#include <Eigen/Core>
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

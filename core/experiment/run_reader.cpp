#include <cctype>

#include "core/experiment/default_scenes.h"
#include "core/experiment/scene_readers.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

namespace optiscope {
namespace {

bool isColor(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (std::size_t i = 1; i < text.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

std::string lowerCase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

ExperimentRun readRunLook(ObjectReader& run, std::size_t index) {
  const ReadContext& context = run.context();
  ExperimentRun look;
  look.optimizer = run.requiredText("optimizer");
  const OptimizerConfig optimizer =
      context.at(run.pathOf("optimizer"), [&] { return parseOptimizerSpec(look.optimizer); });
  look.schedule = run.text("schedule", "constant");
  context.at(run.pathOf("schedule"), [&] {
    // Some schedules fit only some optimizers (cycle_momentum needs a momentum): attaching
    // the schedule to the optimizer is the check the engine would make.
    makeSchedule(parseScheduleSpec(look.schedule))->attach(*makeOptimizer(optimizer));
  });
  look.name = run.text("name", optimizer.name);
  look.color = run.text("color", defaultRunColor(index));
  if (!isColor(look.color))
    run.fail("color", "must be a color \"#rrggbb\" (hex digits), got \"" + look.color + "\"");
  look.color = lowerCase(look.color);
  look.visible = run.flag("visible", true);
  return look;
}

}  // namespace optiscope

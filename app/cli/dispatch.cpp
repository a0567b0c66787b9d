#include "app/cli/dispatch.h"

#include <iostream>

#include "app/cli/commands.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {

int dispatch(const std::vector<std::string>& words) {
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::cout << usageText();
    return words.empty() ? 2 : 0;
  }
  const std::string command = words[0];
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  try {
    if (command == "functions") return listFunctions(rest);
    if (command == "optimizers") return listOptimizers(rest);
    if (command == "schedules") return listSchedules(rest);
    if (command == "run") return runCommand(rest);
    if (command == "race") return raceCommand(rest);
    if (command == "train") return trainCommand(rest);
    if (command == "replay") return replayCommand(rest);
    if (command == "sweep") return sweepCommand(rest);
    if (command == "basins") return basinsCommand(rest);
    throw SpecError("unknown command '" + command +
                    "'; available: functions, optimizers, schedules, run, race, train, replay, "
                    "sweep, basins (see --help)");
  } catch (const SpecError& error) {
    std::cerr << "optiscope-cli: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "optiscope-cli: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace optiscope::cli

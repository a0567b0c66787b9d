#pragma once

#include <string>
#include <vector>

namespace optiscope::cli {

// Each subcommand receives the words after its name and returns the process exit code. Bad
// input is reported by throwing SpecError (main prints it on one line and exits 2).
int listFunctions(const std::vector<std::string>& args);
int listOptimizers(const std::vector<std::string>& args);
int listSchedules(const std::vector<std::string>& args);
int runCommand(const std::vector<std::string>& args);
int raceCommand(const std::vector<std::string>& args);
int trainCommand(const std::vector<std::string>& args);
int replayCommand(const std::vector<std::string>& args);
int sweepCommand(const std::vector<std::string>& args);
int basinsCommand(const std::vector<std::string>& args);

const char* usageText();

}  // namespace optiscope::cli

#pragma once

#include <string_view>
#include <vector>

#include "core/engine/network_run_config.h"
#include "core/engine/run.h"
#include "core/experiment/experiment.h"

namespace optiscope {

// An experiment's scenes as the configs the engine runs, built exactly as `optiscope-cli
// race` and `train` build theirs (the same numbers, bit for bit). Kept apart from the format
// so it can follow the engine's API when Run and NetworkRun become one Run over a Problem.
// Both throw SpecError; a scene that readExperiment accepted builds without error.

// One RunConfig per run, in order: the scene's function and start, each run's optimizer,
// schedule, noise and seed.
std::vector<RunConfig> landscapeRunConfigs(const LandscapeScene& scene);
// One NetworkRunConfig per run, in order, sharing one DataSplit and starting from the task's
// seeded initial network. `csvSource` names inline CSV text in messages.
std::vector<NetworkRunConfig> networkRunConfigs(const NetworkScene& scene,
                                                std::string_view csvSource = "csv");

}  // namespace optiscope

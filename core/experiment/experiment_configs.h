#pragma once

#include <string_view>
#include <vector>

#include "core/engine/run.h"
#include "core/experiment/experiment.h"

namespace optiscope {

// An experiment's scenes as the configs the engine runs, built exactly as `optiscope-cli
// race` and `train` build theirs (the same numbers, bit for bit). Both throw SpecError; a
// scene that readExperiment accepted builds without error.

// One RunConfig per run, in order: the scene's function and start, each run's optimizer,
// schedule, noise and seed.
std::vector<RunConfig> landscapeRunConfigs(const LandscapeScene& scene);
// One RunConfig per run, in order, sharing one NetworkProblem (the scene's data and network)
// and starting from the task's seeded initial network. `csvSource` names inline CSV text in
// messages.
std::vector<RunConfig> networkRunConfigs(const NetworkScene& scene,
                                         std::string_view csvSource = "csv");

}  // namespace optiscope

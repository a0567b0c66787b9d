// `optiscope-cli replay FILE`: every run of an experiment file, headless, written as `race`
// and `train` write them (the same code, so the bytes are the same for the same settings).
#include <filesystem>
#include <iostream>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/race_writer.h"
#include "app/cli/training_writer.h"
#include "core/experiment/experiment_configs.h"
#include "core/experiment/experiment_io.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {
namespace {

void requireDirectoryOrNothing(const std::filesystem::path& path) {
  if (std::filesystem::exists(path) && !std::filesystem::is_directory(path))
    throw SpecError("--out: '" + path.string() + "' exists and is not a directory");
}

}  // namespace

int replayCommand(const std::vector<std::string>& words) {
  if (words.empty() || words.front().rfind("--", 0) == 0)
    throw SpecError(
        "'replay' needs an experiment file first: replay FILE [--steps N] "
        "[--epochs E] --out DIR");
  const std::string file = words.front();
  const Arguments args(std::vector<std::string>(words.begin() + 1, words.end()), "replay",
                       {"--steps", "--epochs", "--out"});
  const std::filesystem::path outDir = args.required("--out");
  std::vector<std::string> warnings;
  const Experiment experiment = readExperimentFile(file, &warnings);
  const long long steps = args.integer("--steps", experiment.playback.landscapeSteps, 0);
  const long long epochs = args.integer("--epochs", experiment.playback.networkEpochs, 0);
  std::vector<RunConfig> landscape;
  std::vector<std::string> landscapeSpecs;
  if (experiment.landscape) {
    landscape = landscapeRunConfigs(*experiment.landscape);
    for (const LandscapeRun& run : experiment.landscape->runs)
      landscapeSpecs.push_back(run.optimizer);
  }
  std::vector<RunConfig> network;
  if (experiment.network) network = networkRunConfigs(*experiment.network, file);
  if (landscape.empty() && network.empty())
    throw SpecError(file + ": the experiment has no runs to replay");
  requireDirectoryOrNothing(outDir);
  requireDirectoryOrNothing(outDir / "landscape");
  requireDirectoryOrNothing(outDir / "network");

  // Everything is valid: from here on, only I/O can fail.
  for (const std::string& warning : warnings) std::cerr << "warning: " << warning << '\n';
  if (!landscape.empty()) writeRace(landscape, landscapeSpecs, steps, outDir / "landscape");
  if (!network.empty()) std::filesystem::create_directories(outDir / "network");
  for (std::size_t i = 0; i < network.size(); ++i) {
    const std::string name = "run-" + std::to_string(i + 1) + "-" + network[i].optimizer.name;
    Run run(network[i]);
    writeTrainingCsv(
        run, epochs, (outDir / "network" / (name + ".csv")).string(),
        "network run " + std::to_string(i + 1) + " (" + network[i].optimizer.name + ") ");
  }
  std::cout << "replayed " << landscape.size() << " landscape runs (" << steps << " steps) and "
            << network.size() << " network runs (" << epochs << " epochs) to " << outDir.string()
            << '\n';
  return 0;
}

}  // namespace optiscope::cli

// `optiscope-cli race`: several optimizers from one start on one function, stepped together by
// the engine (the files are written by race_writer.cpp, shared with `replay`).
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "app/cli/race_writer.h"
#include "core/engine/run.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {

int raceCommand(const std::vector<std::string>& words) {
  const Arguments args(words, "race",
                       {"--function", "--optimizer", "--start", "--dim", "--steps", "--schedule",
                        "--noise", "--seed", "--out"},
                       {"--optimizer"});
  const std::string function =
      functionSpecWithDim(args.required("--function"), args.value("--dim"));
  const std::vector<std::string> optimizers = args.values("--optimizer");
  if (optimizers.empty()) throw SpecError("'race' needs at least one --optimizer");
  const std::string outDir = args.required("--out");
  const long long steps = args.integer("--steps", 100, 0);
  const double noise = args.real("--noise", 0.0, 0.0);
  const long long seed = args.integer("--seed", 0, 0);
  std::optional<Eigen::VectorXd> start;
  if (auto text = args.value("--start")) {
    const auto numbers = parseNumberList(*text, "--start");
    start = Eigen::Map<const Eigen::VectorXd>(numbers.data(), numbers.size());
  }
  const std::string schedule = args.value("--schedule").value_or("constant");
  std::vector<RunConfig> configs;
  for (const std::string& optimizer : optimizers)
    configs.push_back(makeRunConfig(function, optimizer, schedule, start, noise,
                                    static_cast<std::uint64_t>(seed)));
  if (std::filesystem::exists(outDir) && !std::filesystem::is_directory(outDir))
    throw SpecError("--out '" + outDir + "' exists and is not a directory");

  // Everything is valid: from here on, only I/O can fail.
  writeRace(configs, optimizers, steps, outDir);
  std::cout << "race of " << configs.size() << " optimizers written to " << outDir << '\n';
  return 0;
}

}  // namespace optiscope::cli

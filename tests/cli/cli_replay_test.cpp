// `replay` writes, for every committed experiment file, exactly the bytes `race` and `train`
// write with the same settings (issue 11's "Done when").
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli_runner.h"
#include "core/experiment/experiment_io.h"
#include "core/nn/activation.h"
#include "core/nn/features.h"
#include "core/nn/regularization.h"
#include "core/optim/registry.h"
#include "core/util/spec.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

std::string quoted(const std::string& word) { return "'" + word + "'"; }

std::string experimentFile(const std::string& name) {
  return std::string(OPTISCOPE_EXPERIMENTS_DIR) + "/" + name;
}

std::vector<std::string> experimentFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(OPTISCOPE_EXPERIMENTS_DIR))
    if (entry.path().string().ends_with(kExperimentExtension)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::set<std::string> fileNames(const std::filesystem::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    names.insert(entry.path().filename().string());
  return names;
}

std::string withoutFirstField(const std::string& row) { return row.substr(row.find(',')); }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string runFileName(std::size_t index, const std::string& spec) {
  return "run-" + std::to_string(index + 1) + "-" + parseOptimizerSpec(spec).name + ".csv";
}

std::string raceFlags(const LandscapeScene& scene, long long steps) {
  std::string flags =
      "race --function " + quoted(scene.function) + " --steps " + std::to_string(steps);
  if (scene.start)
    flags += " --start " +
             quoted(formatDouble((*scene.start)[0]) + "," + formatDouble((*scene.start)[1]));
  return flags;
}

std::string runFlags(const LandscapeRun& run) {
  return " --schedule " + quoted(run.schedule) + " --noise " + formatDouble(run.noise) +
         " --seed " + std::to_string(run.seed);
}

// Each landscape run against a race of that run alone; and the whole directory against one
// race when the runs share what race shares (schedule, noise, seed).
void compareLandscape(const LandscapeScene& scene, long long steps,
                      const std::filesystem::path& replayed, const std::string& replayErr,
                      const TempDir& dir) {
  const auto summary = lines(readFile(replayed / "summary.csv"));
  REQUIRE(summary.size() == scene.runs.size() + 1);
  std::set<std::string> expectedFiles = {"summary.csv"};
  bool shared = true;
  for (std::size_t i = 0; i < scene.runs.size(); ++i) {
    const LandscapeRun& run = scene.runs[i];
    INFO("landscape run " << i + 1);
    const std::string out = dir.file("race-" + std::to_string(i));
    const CliResult race = runCli(raceFlags(scene, steps) + " --optimizer " +
                                  quoted(run.optimizer) + runFlags(run) + " --out " + quoted(out));
    REQUIRE(race.exitCode == 0);
    const std::string name = runFileName(i, run.optimizer);
    expectedFiles.insert(name);
    CHECK(readFile(replayed / name) == readFile(out + "/" + runFileName(0, run.optimizer)));
    const auto raced = lines(readFile(out + "/summary.csv"));
    CHECK(summary[0] == raced[0]);
    CHECK(withoutFirstField(summary[i + 1]) == withoutFirstField(raced[1]));
    shared = shared && runFlags(run) == runFlags(scene.runs[0]);
  }
  CHECK(fileNames(replayed) == expectedFiles);
  if (!shared) return;
  std::string optimizers;
  for (const LandscapeRun& run : scene.runs) optimizers += " --optimizer " + quoted(run.optimizer);
  const std::string out = dir.file("race-all");
  const CliResult race = runCli(raceFlags(scene, steps) + optimizers + runFlags(scene.runs[0]) +
                                " --out " + quoted(out));
  REQUIRE(race.exitCode == 0);
  CHECK(replayErr.find(race.err) != std::string::npos);  // the same divergences reported
  CHECK(fileNames(out) == expectedFiles);
  for (const std::string& name : expectedFiles)
    CHECK(readFile(replayed / name) == readFile(out + "/" + name));
}

std::string trainFlags(const NetworkScene& scene, long long epochs, const TempDir& dir) {
  const NetworkSettings& s = scene.settings;
  std::string flags = "train --epochs " + std::to_string(epochs);
  if (const auto* csv = std::get_if<CsvData>(&scene.data)) {
    const std::string path = dir.file("data.csv");
    std::ofstream(path, std::ios::binary) << csv->text;
    flags += " --csv-data " + quoted(path);
  } else {
    const auto& generated = std::get<GeneratedData>(scene.data);
    flags += " --dataset " + generated.name + " --points " + std::to_string(generated.points) +
             " --noise " + formatDouble(generated.noise);
  }
  std::string hidden;
  for (int width : s.hidden) hidden += (hidden.empty() ? "" : ",") + std::to_string(width);
  flags += " --train-ratio " + formatDouble(scene.trainRatio) + " --seed " +
           std::to_string(s.seed) + " --features " + featureListText(s.features) + " --hidden " +
           (hidden.empty() ? "0" : hidden) + " --activation " +
           std::string(activationName(s.activation)) + " --loss " +
           (s.loss ? std::string(lossName(*s.loss)) : "auto") + " --regularization " +
           std::string(regularizationName(s.regularization.kind)) + " --regularization-rate " +
           formatDouble(s.regularization.rate) + " --batch " + std::to_string(s.batchSize);
  return flags;
}

void compareNetwork(const NetworkScene& scene, long long epochs,
                    const std::filesystem::path& replayed, const TempDir& dir) {
  REQUIRE_FALSE(scene.dataSeed);  // train has one --seed for data and network
  std::set<std::string> expectedFiles;
  for (std::size_t i = 0; i < scene.runs.size(); ++i) {
    const ExperimentRun& run = scene.runs[i];
    INFO("network run " << i + 1);
    const std::string out = dir.file("train-" + std::to_string(i) + ".csv");
    const CliResult train =
        runCli(trainFlags(scene, epochs, dir) + " --optimizer " + quoted(run.optimizer) +
               " --schedule " + quoted(run.schedule) + " --out " + quoted(out));
    REQUIRE(train.exitCode == 0);
    const std::string name = runFileName(i, run.optimizer);
    expectedFiles.insert(name);
    CHECK(readFile(replayed / name) == readFile(out));
    CHECK(lines(readFile(out)).size() == static_cast<std::size_t>(epochs) + 2);
  }
  CHECK(fileNames(replayed) == expectedFiles);
}

}  // namespace

TEST_CASE("replay writes what race and train write, byte for byte, for every committed file") {
  const auto files = experimentFiles();
  REQUIRE(files.size() >= 4);
  int landscapes = 0, networks = 0;
  for (const std::string& file : files) {
    INFO(file);
    TempDir dir;
    const std::string out = dir.file("replay");
    const CliResult replay = runCli("replay " + quoted(file) + " --out " + quoted(out));
    REQUIRE(replay.exitCode == 0);
    for (const std::string& line : lines(replay.err))  // what race and train say too
      CHECK(line.find("diverged at step") != std::string::npos);
    const Experiment e = readExperimentFile(file);
    std::set<std::string> pages;
    if (e.landscape) {
      pages.insert("landscape");
      ++landscapes;
      compareLandscape(*e.landscape, e.playback.landscapeSteps, out + "/landscape", replay.err,
                       dir);
    }
    if (e.network) {
      pages.insert("network");
      ++networks;
      compareNetwork(*e.network, e.playback.networkEpochs, out + "/network", dir);
    }
    CHECK(fileNames(out) == pages);
  }
  CHECK(landscapes >= 2);
  CHECK(networks >= 3);
}

TEST_CASE("replay's --steps and --epochs replay to another position than the file's") {
  TempDir dir;
  const CliResult replay =
      runCli("replay " + quoted(experimentFile("full_example.optiscope.json")) +
             " --steps 17 --epochs 3 --out " + quoted(dir.path()));
  REQUIRE(replay.exitCode == 0);
  CHECK(lines(readFile(dir.file("landscape/run-3-adam.csv"))).size() == 19);  // header, 0..17
  CHECK(lines(readFile(dir.file("network/run-2-sgd.csv"))).size() == 5);      // header, 0..3
  CHECK(replay.out.find("4 landscape runs (17 steps) and 2 network runs (3 epochs)") !=
        std::string::npos);
}

TEST_CASE("replay reports unknown keys as warnings and replays the rest") {
  TempDir dir;
  const std::string file = dir.file("extra.optiscope.json");
  std::ofstream(file) << R"({"format": "optiscope-experiment", "version": 1, "mood": "calm",
    "landscape": {"function": "sphere", "runs": [{"optimizer": "sgd:lr=0.1"}]},
    "playback": {"landscape_steps": 5}})";
  const CliResult replay = runCli("replay " + quoted(file) + " --out " + quoted(dir.file("out")));
  REQUIRE(replay.exitCode == 0);
  CHECK(replay.err == "warning: " + file + " line 1: mood: unknown key, ignored\n");
  CHECK(lines(readFile(dir.file("out/landscape/run-1-sgd.csv"))).size() == 7);
}

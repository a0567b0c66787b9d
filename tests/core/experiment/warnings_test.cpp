// Unknown keys are kept out of the scene with one warning each, never an error.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/experiment/experiment_io.h"

using namespace optiscope;

TEST_CASE("unknown keys are left out, each with a warning naming its path and line") {
  const std::string text = R"({
  "format": "optiscope-experiment",
  "version": 1,
  "author": "someone",
  "landscape": {
    "function": "sphere",
    "colour": "blue",
    "view": {"x": [-1, 1], "y": [-1, 1], "zoom": 2},
    "runs": [{"optimizer": "adam", "momentum": 0.9}]
  },
  "network": {"dataset": "circle", "runs": [{"optimizer": "sgd", "noise": 0.1, "seed": 4}]},
  "playback": {"speed": 5, "odd key\n": 1}
})";
  std::vector<std::string> warnings;
  const Experiment e = readExperiment(text, &warnings);
  const std::vector<std::string> expected = {
      "line 8: landscape.view.zoom: unknown key, ignored",
      "line 9: landscape.runs[0].momentum: unknown key, ignored",
      "line 7: landscape.colour: unknown key, ignored",
      "line 11: network.runs[0].noise: unknown key, ignored",
      "line 11: network.runs[0].seed: unknown key, ignored",
      "line 12: playback[\"odd key\\n\"]: unknown key, ignored",
      "line 4: author: unknown key, ignored",
  };
  CHECK(warnings == expected);
  REQUIRE(e.landscape);
  CHECK(e.landscape->function == "sphere");
  CHECK(e.landscape->runs.size() == 1);
  CHECK(e.playback.speed == 5.0);
  // What was read is what is written: the unknown keys are gone.
  const std::string written = writeExperiment(e);
  for (const char* gone : {"author", "colour", "zoom", "momentum", "odd key"})
    CHECK(written.find(gone) == std::string::npos);
}

TEST_CASE("defaults fill what a minimal file leaves out") {
  const Experiment e = readExperiment(
      R"({"format": "optiscope-experiment", "version": 1,
          "landscape": {"function": "himmelblau", "runs": [{"optimizer": "adam"}, {"optimizer": "sgd:lr=0.01"}]}})");
  REQUIRE(e.landscape);
  CHECK_FALSE(e.network);
  CHECK(e.page == ExperimentPage::Landscape);
  CHECK_FALSE(e.landscape->start);
  CHECK_FALSE(e.landscape->view);
  CHECK(e.landscape->colorScale == ColorScale::Automatic);
  CHECK(e.landscape->contours);
  const LandscapeRun& second = e.landscape->runs[1];
  CHECK(second.name == "sgd");
  CHECK(second.color == "#56b4e9");  // the palette's second color
  CHECK(second.visible);
  CHECK(second.schedule == "constant");
  CHECK(second.noise == 0.0);
  CHECK(second.seed == 0);
  CHECK(e.playback == Playback{});
}

TEST_CASE("a file with only the network page opens on it, and colors read in any case") {
  const Experiment e = readExperiment(
      R"({"format": "optiscope-experiment", "version": 1,
          "network": {"dataset": "plane", "runs": [{"optimizer": "adam", "color": "#AbCdEf"}]}})");
  CHECK(e.page == ExperimentPage::Network);
  REQUIRE(e.network);
  CHECK(e.network->runs[0].color == "#abcdef");
  CHECK(std::get<GeneratedData>(e.network->data) == GeneratedData{"plane", 500, 0.0});
  CHECK(e.network->settings == NetworkSettings{});
  CHECK(e.network->trainRatio == 0.5);
  CHECK_FALSE(e.network->dataSeed);
}

TEST_CASE("speed is a number of steps per second or \"unlimited\"") {
  const Experiment e = readExperiment(
      R"({"format": "optiscope-experiment", "version": 1,
          "playback": {"speed": "unlimited", "network_speed": 1}})");
  CHECK(std::isinf(e.playback.speed));
  CHECK(e.playback.networkSpeed == 1.0);
}

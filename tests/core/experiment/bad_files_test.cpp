// Every kind of bad file ends in one ExperimentError that names the JSON path of the problem
// and the line it is on; nothing else escapes the reader.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/experiment/experiment_io.h"
#include "experiment_test_files.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

struct BadEdit {
  std::string find;      // text of the full example to change (its first occurrence)
  std::string replace;   // what it becomes
  std::string path;      // the path the error must name
  std::string mentions;  // the message must contain this
  std::string marker;    // the error's line is this text's line (default: `replace`)
};

const std::vector<BadEdit> kEdits = {
    // malformed JSON
    {"\"version\": 1,", "\"version\": 1", "", "malformed JSON", "\"page\""},
    {"\"seed\": 7}", "\"seed\": 7,}", "", "malformed JSON", ""},
    {"\"noise\": 0.5,", "\"noise\": 1e999,", "", "number overflow", ""},
    {"\"contours\": true,", "\"contours\": True,", "", "invalid literal", ""},
    {"\"version\": 1,", "\"version\": 1, \"version\": 1,", "version", "given twice", ""},
    // the format and its version
    {"\"version\": 1,", "\"version\": 2,", "version", "newer", ""},
    {"\"version\": 1,", "\"version\": 0,", "version", "from 1 to 1", ""},
    {"\"version\": 1,", "\"version\": \"1\",", "version", "must be an integer", ""},
    {"\"optiscope-experiment\"", "\"optiscope-lesson\"", "format", "not an Optiscope", ""},
    {"\"page\": \"landscape\"", "\"page\": \"classroom\"", "page", "classroom", ""},
    // wrong types
    {"\"contours\": true", "\"contours\": \"yes\"", "landscape.contours", "true or false", ""},
    {"\"view\": {\"x\": [-2, 2], \"y\": [-1, 3]}", "\"view\": [-2, 2]", "landscape.view",
     "must be an object", ""},
    {"\"hidden\": [6, 4]", "\"hidden\": \"6,4\"", "network.hidden", "must be an array", ""},
    {"\"points\": 200", "\"points\": 200.5", "network.points", "must be an integer", ""},
    {"\"dataset\": \"xor\"", "\"dataset\": 3", "network.dataset", "dataset name", ""},
    // missing required keys
    {"\"function\": \"rosenbrock\",", "", "landscape.function", "missing", "\"landscape\": {"},
    {"\"optimizer\": \"adam:lr=0.03\", ", "", "network.runs[0].optimizer", "missing",
     "{\"name\": \"Adam\", \"color\": \"#e69f00\""},
    {"\"view\": {\"x\": [-2, 2], ", "\"view\": {", "landscape.view.x", "missing", "\"view\""},
    // unknown or out-of-range values
    {"\"function\": \"rosenbrock\"", "\"function\": \"rosenbrok\"", "landscape.function",
     "rosenbrok", ""},
    {"\"function\": \"rosenbrock\"", "\"function\": \"rosenbrock:dim=3\"", "landscape.function",
     "2D", ""},
    {"\"activation\": \"tanh\"", "\"activation\": \"swish\"", "network.activation", "swish", ""},
    {"\"train_ratio\": 0.6", "\"train_ratio\": 1", "network.train_ratio", "between 0 and 1", ""},
    {"\"points\": 200", "\"points\": 5", "network.points", "from 10 to 100000", ""},
    {"\"noise\": 0.1,\n    \"train_ratio\"", "\"noise\": 0.9,\n    \"train_ratio\"",
     "network.noise", "0 to 0.5", "\"noise\": 0.9"},
    {"\"hidden\": [6, 4]", "\"hidden\": [6, 17]", "network.hidden[1]", "from 1 to 16", ""},
    {"\"hidden\": [6, 4]", "\"hidden\": [1, 1, 1, 1, 1, 1, 1]", "network.hidden", "7 hidden layers",
     ""},
    {"\"features\": [\"x1\", \"x2\", \"x1x2\"]", "\"features\": [\"x1\", \"x3\"]",
     "network.features[1]", "x3", ""},
    {"\"features\": [\"x1\", \"x2\", \"x1x2\"]", "\"features\": [\"x1\", \"x1\"]",
     "network.features[1]", "twice", ""},
    {"\"features\": [\"x1\", \"x2\", \"x1x2\"]", "\"features\": []", "network.features", "empty",
     ""},
    {"\"loss\": \"auto\"", "\"loss\": \"hinge\"", "network.loss", "hinge", ""},
    {"\"loss\": \"auto\"", "\"loss\": \"mse\"", "network.loss", "regression", ""},
    {"\"regularization\": \"l2\"", "\"regularization\": \"l3\"", "network.regularization", "l3",
     ""},
    {"\"regularization_rate\": 0.001", "\"regularization_rate\": -1", "network.regularization_rate",
     "rate", ""},
    {"\"batch_size\": 16", "\"batch_size\": 121", "network.batch_size", "120", ""},
    {"\"batch_size\": 16", "\"batch_size\": 0", "network.batch_size", "from 1", ""},
    {"\"seed\": 3", "\"seed\": -3", "network.seed", "from 0", ""},
    {"\"dataset\": \"xor\"", "\"dataset\": \"xorr\"", "network.dataset", "xorr", ""},
    {"\"dataset\": \"xor\"", "\"dataset\": {\"csv\": \"x1,x2,label\\n0,0,0\\n1,1,1\\n\"}",
     "network.points", "does not apply", "\"points\""},
    {"\"color\": \"#cc79a7\"", "\"color\": \"pink\"", "landscape.runs[2].color", "#rrggbb", ""},
    {"\"noise\": 0.5", "\"noise\": -0.5", "landscape.runs[2].noise", ">= 0", ""},
    {"\"view\": {\"x\": [-2, 2]", "\"view\": {\"x\": [2, -2]", "landscape.view.x", "below", ""},
    {"\"speed\": 100", "\"speed\": 0.5", "playback.speed", "unlimited", ""},
    {"\"speed\": 100", "\"speed\": \"fast\"", "playback.speed", "unlimited", ""},
    {"\"landscape_steps\": 300", "\"landscape_steps\": -1", "playback.landscape_steps", "from 0",
     ""},
    // specs, through the registries
    {"\"optimizer\": \"adam:lr=0.05\"", "\"optimizer\": \"adam:betas=0.9\"",
     "landscape.runs[2].optimizer", "unknown key 'betas'", ""},
    {"\"optimizer\": \"adam:lr=0.05\"", "\"optimizer\": \"adma\"", "landscape.runs[2].optimizer",
     "adma", ""},
    {"\"optimizer\": \"adam:lr=0.05\"", "\"optimizer\": \"adam:lr=-1\"",
     "landscape.runs[2].optimizer", "lr", ""},
    {"\"schedule\": \"cosine:t_max=300\"", "\"schedule\": \"cosine:t_max=0\"",
     "landscape.runs[2].schedule", "t_max", ""},
    {"\"optimizer\": \"adam:lr=0.03\", \"schedule\": \"constant\"",
     "\"optimizer\": \"yogi\", \"schedule\": \"cyclic:base_lr=0.1,max_lr=1\"",
     "network.runs[0].schedule", "cycle_momentum", ""},
    // the start
    {"\"start\": [-1.5, 2]", "\"start\": [-1.5, 2, 3]", "landscape.start", "needs 2", ""},
    {"\"start\": [-1.5, 2]", "\"start\": [-1.5, \"2\"]", "landscape.start[1]", "a number", ""},
};

int lineOf(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

}  // namespace

TEST_CASE("bad files: one error naming the JSON path, the problem and the line") {
  const std::string example = slurp(experimentPath("full_example.optiscope.json"));
  REQUIRE_NOTHROW(readExperiment(example));
  for (const BadEdit& edit : kEdits) {
    INFO(edit.find << " -> " << edit.replace);
    std::string text = example;
    const auto at = text.find(edit.find);
    REQUIRE(at != std::string::npos);
    text.replace(at, edit.find.size(), edit.replace);
    try {
      readExperiment(text);
      FAIL("accepted");
    } catch (const ExperimentError& error) {
      INFO(error.what());
      CHECK(error.path() == edit.path);
      CHECK(error.line() == lineOf(text, edit.marker.empty() ? edit.replace : edit.marker));
      CHECK(std::string(error.what()).find(edit.mentions) != std::string::npos);
      CHECK(std::string(error.what()).find('\n') == std::string::npos);
      const std::string start = "line " + std::to_string(error.line()) +
                                (edit.path.empty() ? ", column " : ": " + edit.path + ": ");
      CHECK(std::string(error.what()).rfind(start, 0) == 0);
    }
  }
}

TEST_CASE("malformed JSON is located by line and column") {
  try {
    readExperiment("{\n  \"format\": \"optiscope-experiment\",\n  \"version\": 1,,\n}");
    FAIL("accepted");
  } catch (const ExperimentError& error) {
    CHECK(error.line() == 3);
    CHECK(error.column() == 16);
    CHECK(error.path().empty());
  }
  // nlohmann-json would stop at a NUL byte and ignore the rest; the reader refuses it.
  const std::string withNul =
      std::string("{\"format\": \"optiscope-experiment\", \"version\": 1}\n ") + '\0' + " junk";
  try {
    readExperiment(withNul);
    FAIL("accepted");
  } catch (const ExperimentError& error) {
    CHECK(error.line() == 2);
    CHECK(error.column() == 2);
    CHECK(std::string(error.what()).find("NUL") != std::string::npos);
  }
  for (const char* text : {"", "   ", "{", "nul", "\"just a string", "[1, 2", "{\"a\" 1}"}) {
    INFO(text);
    CHECK_THROWS_AS(readExperiment(text), ExperimentError);
  }
}

TEST_CASE("a file that is not an experiment says so") {
  for (const char* text : {"[1, 2]", "42", "null", "{}", "{\"version\": 1}"}) {
    INFO(text);
    CHECK_THROWS_AS(readExperiment(text), ExperimentError);
  }
  try {
    readExperiment("{\"version\": 1}");
  } catch (const ExperimentError& error) {
    CHECK(error.path() == "format");
    CHECK(std::string(error.what()).find("missing") != std::string::npos);
  }
}

TEST_CASE("too many runs on a page is refused") {
  std::string runs;
  for (int i = 0; i < 65; ++i) runs += std::string(i ? "," : "") + "{\"optimizer\": \"sgd\"}";
  const std::string text =
      "{\"format\": \"optiscope-experiment\", \"version\": 1, \"landscape\": {\"function\": "
      "\"sphere\", \"runs\": [" +
      runs + "]}}";
  try {
    readExperiment(text);
    FAIL("accepted");
  } catch (const ExperimentError& error) {
    CHECK(error.path() == "landscape.runs");
    CHECK(std::string(error.what()).find("at most 64") != std::string::npos);
  }
}

TEST_CASE("a file that cannot be opened is an error naming it") {
  try {
    readExperimentFile("/nonexistent/dir/x.optiscope.json");
    FAIL("accepted");
  } catch (const ExperimentError& error) {
    CHECK(std::string(error.what()).rfind("/nonexistent/dir/x.optiscope.json", 0) == 0);
  }
}

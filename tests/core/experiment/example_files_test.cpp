// The committed experiment files (tests/experiments, used by the CLI's replay tests) are valid
// and complete, and docs/EXPERIMENT_FORMAT.md's full example is one of them, verbatim.
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/experiment/experiment_configs.h"
#include "core/experiment/experiment_io.h"
#include "experiment_test_files.h"

using namespace optiscope;
using namespace optiscope::testing;

TEST_CASE("every committed experiment file reads without a warning and builds its runs") {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(OPTISCOPE_EXPERIMENTS_DIR)) {
    const std::string path = entry.path().string();
    if (!path.ends_with(kExperimentExtension)) continue;
    INFO(path);
    ++files;
    std::vector<std::string> warnings;
    const Experiment e = readExperimentFile(path, &warnings);
    CHECK(warnings.empty());
    CHECK((e.landscape || e.network));
    if (e.landscape) CHECK_FALSE(landscapeRunConfigs(*e.landscape).empty());
    if (e.network) CHECK_FALSE(networkRunConfigs(*e.network).empty());
    CHECK(readExperiment(writeExperiment(e)) == e);
  }
  CHECK(files >= 4);
}

TEST_CASE("the documented full example is the committed full_example file") {
  const std::string doc = slurp(std::string(OPTISCOPE_DOCS_DIR) + "/EXPERIMENT_FORMAT.md");
  const std::string heading = "## A full example";
  const auto section = doc.find(heading);
  REQUIRE(section != std::string::npos);
  const std::string open = "```json\n";
  const auto begin = doc.find(open, section);
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const std::string example = doc.substr(begin + open.size(), end - begin - open.size());
  CHECK(example == slurp(experimentPath("full_example.optiscope.json")));
  const Experiment e = readExperiment(example);
  CHECK(e.landscape);
  CHECK(e.network);
}

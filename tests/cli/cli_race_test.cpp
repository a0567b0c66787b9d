#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_runner.h"

using namespace optiscope::testing;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("race writes CSVs identical, byte for byte, to the corresponding run outputs") {
  TempDir dir;
  const CliResult race = runCli(
      "race --function rosenbrock --optimizer sgd:lr=0.001,momentum=0.9 --optimizer adam:lr=0.05 "
      "--optimizer rmsprop:lr=0.01 --steps 1000 --out '" +
      dir.path() + "'");
  REQUIRE(race.exitCode == 0);
  const std::pair<const char*, const char*> runs[] = {
      {"run-1-sgd.csv", "sgd:lr=0.001,momentum=0.9"},
      {"run-2-adam.csv", "adam:lr=0.05"},
      {"run-3-rmsprop.csv", "rmsprop:lr=0.01"}};
  for (const auto& [file, spec] : runs) {
    INFO(file);
    const CliResult single =
        runCli(std::string("run --function rosenbrock --optimizer ") + spec + " --steps 1000");
    REQUIRE(single.exitCode == 0);
    REQUIRE(fileExists(dir.file(file)));
    CHECK(readFile(dir.file(file)) == single.out);
    CHECK(lines(single.out).size() == 1002);
  }
}

TEST_CASE("race summary names each run with final and best loss, tolerance and divergence") {
  TempDir dir;
  const CliResult race = runCli(
      "race --function sphere --optimizer sgd:lr=0.1 --optimizer sgd:lr=1.5 "
      "--optimizer sgd:lr=3 --steps 600 --out '" +
      dir.path() + "'");
  REQUIRE(race.exitCode == 0);
  const auto summary = lines(readFile(dir.file("summary.csv")));
  REQUIRE(summary.size() == 4);
  CHECK(summary[0] == "run,optimizer,final_loss,best_loss,steps_to_tolerance,diverged_at");
  // lr=0.1 on sphere contracts by 0.8 per step: it reaches 1e-6 and never diverges.
  CHECK(summary[1].rfind("1,sgd:lr=0.1,", 0) == 0);
  CHECK(summary[1].back() == ',');
  // lr=1.5 flips the sign each step (factor -2): f grows by 4 per step and overflows
  // near step 512, so the run diverges.
  CHECK(summary[2].rfind("2,sgd:lr=1.5,", 0) == 0);
  CHECK(summary[2].back() != ',');
  // Steps to tolerance for lr=0.1 agree with the run CSV: the first row with loss <= 1e-6.
  const auto rows = lines(readFile(dir.file("run-1-sgd.csv")));
  long long first = -1;
  for (size_t i = 1; i < rows.size() && first < 0; ++i) {
    const std::string loss = [&] {
      std::istringstream in(rows[i]);
      std::string cell;
      for (int c = 0; c < 4; ++c) std::getline(in, cell, ',');
      return cell;
    }();
    if (std::strtod(loss.c_str(), nullptr) <= 1e-6) first = static_cast<long long>(i - 1);
  }
  REQUIRE(first > 0);
  CHECK(summary[1].find("," + std::to_string(first) + ",") != std::string::npos);
  const auto diverged = lines(readFile(dir.file("run-2-sgd.csv")));
  CHECK(summary[2].substr(summary[2].rfind(',') + 1) ==
        diverged.back().substr(0, diverged.back().find(',')));
  CHECK(race.err.find("diverged at step") != std::string::npos);
}

TEST_CASE("race into an existing directory leaves its other files alone") {
  TempDir dir;
  {
    std::ofstream keep(dir.file("notes.txt"));
    keep << "mine";
  }
  REQUIRE(runCli("race --function booth --optimizer adam --steps 5 --out '" + dir.path() + "'")
              .exitCode == 0);
  CHECK(readFile(dir.file("notes.txt")) == "mine");
  CHECK(fileExists(dir.file("run-1-adam.csv")));
  CHECK(fileExists(dir.file("summary.csv")));
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 3);  // no temporary file left behind
}

TEST_CASE("bad race input exits 2 with one line and creates nothing") {
  TempDir dir;
  const std::string out = dir.file("race");
  const char* cases[][2] = {
      {"race --function rosenbrock --steps 10", "--optimizer"},
      {"race --function rosenbrock --optimizer adam --optimizer nosuch", "nosuch"},
      {"race --function rosenbrock --optimizer adam:lr=-1", "lr"},
      {"race --function nosuch --optimizer adam", "nosuch"},
      {"race --function rosenbrock --optimizer adam --start 1", "start"},
      {"race --function rosenbrock --optimizer adam --schedule step:gamma=x", "gamma"},
      {"race --function rosenbrock --optimizer adam --steps -4", "--steps"},
  };
  for (const auto& c : cases) {
    INFO(c[0]);
    const CliResult r = runCli(std::string(c[0]) + " --out '" + out + "'");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find(c[1]) != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK_FALSE(fileExists(out));
  }
  const CliResult noOut = runCli("race --function rosenbrock --optimizer adam");
  CHECK(noOut.exitCode == 2);
  CHECK(noOut.err.find("--out") != std::string::npos);
}

TEST_CASE("a race long enough to stream in several chunks still matches run byte for byte") {
  // race hands the engine's trace over in chunks of ~4 MB (all runs together) so that its
  // memory stays bounded: 2 runs in 5 dimensions (17 numbers a row) make ~15,000 steps a
  // chunk, so 40,000 steps cross two chunk boundaries.
  TempDir dir;
  const std::string common = "--function rosenbrock --dim 5 --steps 40000";
  const CliResult race =
      runCli("race " + common + " --optimizer adam:lr=0.01 --optimizer rmsprop:lr=0.001 --out '" +
             dir.path() + "'");
  REQUIRE(race.exitCode == 0);
  const std::pair<const char*, const char*> runs[] = {{"run-1-adam.csv", "adam:lr=0.01"},
                                                      {"run-2-rmsprop.csv", "rmsprop:lr=0.001"}};
  for (const auto& [file, spec] : runs) {
    INFO(file);
    const CliResult single = runCli("run " + common + " --optimizer " + spec);
    REQUIRE(single.exitCode == 0);
    CHECK(lines(single.out).size() == 40002);
    CHECK(readFile(dir.file(file)) == single.out);
  }
}

TEST_CASE("a race of 0 steps writes the start row, as run does") {
  TempDir dir;
  REQUIRE(runCli("race --function beale --optimizer adagrad --steps 0 --out '" + dir.path() + "'")
              .exitCode == 0);
  const CliResult single = runCli("run --function beale --optimizer adagrad --steps 0");
  REQUIRE(single.exitCode == 0);
  CHECK(lines(single.out).size() == 2);
  CHECK(readFile(dir.file("run-1-adagrad.csv")) == single.out);
}

// Every run of a page as CSV (issue 13, item 2): replayed from its configuration, with the
// optimizer's state columns, all files or none.
#include "core/engine/runs_csv_export.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/engine/run_csv.h"
#include "core/engine/training_csv.h"
#include "network_test_support.h"

using namespace optiscope;

namespace {

struct Folder {
  std::filesystem::path path;
  Folder() {
    path = std::filesystem::temp_directory_path() /
           ("optiscope-csv-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Folder() { std::filesystem::remove_all(path); }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A run as the GUI would hand it over: its config and where it is after `steps`.
RunCsvRequest twoDimensional(const std::string& optimizer, long long steps,
                             const std::filesystem::path& file) {
  RunCsvRequest request;
  request.config = makeRunConfig("rosenbrock", optimizer, "constant", std::nullopt, 0.0, 0);
  Run run(request.config);
  for (long long k = 0; k < steps; ++k) run.advance();
  request.length = steps;
  request.expectedParams = run.params();
  request.path = file.string();
  request.name = optimizer;
  return request;
}

}  // namespace

TEST_CASE("runs export as CSV with the CLI's columns and the optimizer's state", "[export][csv]") {
  Folder folder;
  std::vector<RunCsvRequest> requests{
      twoDimensional("sgd:lr=0.0005,momentum=0.9", 300, folder.path / "1-momentum.csv"),
      twoDimensional("adam:lr=0.05", 200, folder.path / "2-adam.csv")};
  CsvExportProgress progress;
  CHECK(totalRows(requests) == 500);
  REQUIRE(exportRunsCsv(requests, progress).empty());
  CHECK(progress.done == 500);
  CHECK(folder.files() == std::vector<std::string>{"1-momentum.csv", "2-adam.csv"});

  const std::string momentum = readFile(folder.path / "1-momentum.csv");
  CHECK(momentum.rfind(
            "step,x,y,loss,grad_x,grad_y,lr_x,lr_y,momentum_buffer_x,momentum_buffer_y\n", 0) == 0);
  CHECK(std::count(momentum.begin(), momentum.end(), '\n') == 302);  // header, steps 0..300
  const std::string adam = readFile(folder.path / "2-adam.csv");
  CHECK(adam.find(",lr_y,m_x,m_y,v_x,v_y\n") != std::string::npos);

  // The rows are the CLI's rows (the same replay), with the state appended.
  Run again(requests[0].config);
  std::ostringstream cli;
  writeRunCsv(again, 300, cli);
  std::istringstream exported(momentum), plain(cli.str());
  std::string exportedLine, plainLine;
  std::getline(exported, exportedLine);
  std::getline(plain, plainLine);
  while (std::getline(plain, plainLine)) {
    REQUIRE(std::getline(exported, exportedLine));
    CHECK(exportedLine.rfind(plainLine + ",", 0) == 0);
  }
}

TEST_CASE("a run whose history is not its configuration's fails the export, leaving no file",
          "[export][csv]") {
  Folder folder;
  std::vector<RunCsvRequest> requests{
      twoDimensional("adam:lr=0.05", 100, folder.path / "1-adam.csv"),
      twoDimensional("sgd:lr=0.001", 100, folder.path / "2-sgd.csv")};
  requests[1].expectedParams[0] += 1e-12;  // its lr was changed while it ran
  CsvExportProgress progress;
  const std::string problem = exportRunsCsv(requests, progress);
  CHECK(problem.find("'sgd:lr=0.001' cannot be replayed") != std::string::npos);
  CHECK(folder.files().empty());
}

TEST_CASE("a cancelled export leaves no file and replaces none", "[export][csv]") {
  Folder folder;
  {
    std::ofstream existing(folder.path / "1-adam.csv");
    existing << "the user's own file\n";
  }
  std::vector<RunCsvRequest> requests{
      twoDimensional("adam:lr=0.05", 20000, folder.path / "1-adam.csv")};
  CsvExportProgress progress;
  progress.cancel = true;
  CHECK(exportRunsCsv(requests, progress) == "cancelled");
  CHECK(folder.files() == std::vector<std::string>{"1-adam.csv"});
  CHECK(readFile(folder.path / "1-adam.csv") == "the user's own file\n");
}

TEST_CASE("a network run exports its epoch records as the training CSV", "[export][csv]") {
  Folder folder;
  RunCsvRequest request;
  request.config = testing::networkConfig("adam:lr=0.03");
  Run run(request.config);
  for (int e = 0; e < 4; ++e) run.advanceEpoch();
  request.length = 4;
  request.epochs = true;
  request.expectedParams = run.params();
  request.path = (folder.path / "1-adam.csv").string();
  request.name = "adam";
  CsvExportProgress progress;
  REQUIRE(exportRunsCsv({request}, progress).empty());
  Run again(request.config);
  std::ostringstream expected;
  writeTraining(again, 4, expected);
  const std::string text = expected.str();
  CHECK(readFile(request.path) == text);
  CHECK(std::count(text.begin(), text.end(), '\n') == 6);  // header, epochs 0..4
}

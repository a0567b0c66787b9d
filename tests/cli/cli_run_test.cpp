#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <vector>

#include "cli/cli_runner.h"

using namespace optiscope::testing;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<double> numbers(const std::string& row) {
  std::vector<double> out;
  std::istringstream in(row);
  for (std::string cell; std::getline(in, cell, ',');)
    out.push_back(std::strtod(cell.c_str(), nullptr));
  return out;
}

}  // namespace

TEST_CASE("run reproduces torch 1.13's Adam on Rosenbrock (issue 2's acceptance check)") {
  const CliResult r =
      runCli("run --function rosenbrock --optimizer adam:lr=0.05 --start -1.5,2 --steps 50");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 52);
  CHECK(rows[0] == "step,x,y,loss,grad_x,grad_y,lr_x,lr_y");
  const auto last = numbers(rows.back());
  CHECK(last[0] == 50);
  // torch 1.13.1 (OPTIMIZERS.md §5.2): x=-1.3745064088634462 y=1.8868385921216777
  CHECK(std::abs(last[1] - -1.3745064088634462) <= 1e-12 * 1.3745064088634462);
  CHECK(std::abs(last[2] - 1.8868385921216777) <= 1e-12 * 1.8868385921216777);
}

TEST_CASE("run writes row 0 at the start with nan learning rates and 17 digits") {
  const CliResult r = runCli("run --function rosenbrock --optimizer sgd:lr=0.001 --steps 3");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].rfind("0,-1.5,2,", 0) == 0);
  CHECK(rows[1].find(",nan,nan") != std::string::npos);
  const auto row1 = numbers(rows[2]);
  // SGD: x1 = x0 - lr * grad_x(x0), and the row's lr columns are exactly lr.
  const auto row0 = numbers(rows[1]);
  CHECK(row1[1] == std::fma(-0.001, row0[4], row0[1]));
  CHECK(row1[6] == 0.001);
  CHECK(row1[7] == 0.001);
}

TEST_CASE("run handles N dimensions with indexed columns") {
  const CliResult r = runCli("run --function rosenbrock --dim 10 --optimizer adam --steps 2");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].rfind("step,x0,x1,", 0) == 0);
  CHECK(rows[0].find(",x9,loss,grad_x0,") != std::string::npos);
  CHECK(rows[0].find(",lr_x9") != std::string::npos);
  CHECK(numbers(rows[3]).size() == 1 + 10 + 1 + 10 + 10);
}

TEST_CASE("run writes the CSV file atomically and identically to standard output") {
  TempDir dir;
  const std::string file = dir.file("run.csv");
  const CliResult toFile =
      runCli("run --function himmelblau --optimizer rmsprop --steps 20 --out '" + file + "'");
  const CliResult toStdout = runCli("run --function himmelblau --optimizer rmsprop --steps 20");
  REQUIRE(toFile.exitCode == 0);
  CHECK(toFile.out.empty());
  CHECK(readFile(file) == toStdout.out);
}

TEST_CASE("a diverging run stops at the non-finite row and exits 0") {
  const CliResult r = runCli("run --function rosenbrock --optimizer sgd:lr=1 --steps 100");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() < 102);
  const auto last = numbers(rows.back());
  const bool allFinite = std::isfinite(last[3]) && std::isfinite(last[1]) && std::isfinite(last[2]);
  CHECK_FALSE(allFinite);
  CHECK(r.err == "diverged at step " + std::to_string(static_cast<long long>(last[0])) + "\n");
}

TEST_CASE("gradient noise is deterministic per seed") {
  const std::string base = "run --function sphere --optimizer sgd:lr=0.1 --steps 30 --noise 0.5";
  const CliResult a = runCli(base + " --seed 7"), b = runCli(base + " --seed 7"),
                  c = runCli(base + " --seed 8"),
                  quiet = runCli(
                      "run --function sphere "
                      "--optimizer sgd:lr=0.1 --steps 30");
  REQUIRE(a.exitCode == 0);
  CHECK(a.out == b.out);
  CHECK(a.out != c.out);
  CHECK(a.out != quiet.out);
}

TEST_CASE("schedules change the learning rate a run uses") {
  const CliResult r = runCli(
      "run --function sphere --optimizer sgd:lr=0.1 --steps 4 --schedule "
      "step:step_size=2,gamma=0.5");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 6);
  CHECK(numbers(rows[2])[6] == 0.1);   // update 1
  CHECK(numbers(rows[3])[6] == 0.1);   // update 2
  CHECK(numbers(rows[4])[6] == 0.05);  // update 3, after two scheduler steps
}

TEST_CASE("a typed Rosenbrock and an Adam made of blocks reach torch's Adam point too") {
  // Issue 16: the formula and the chain go wherever a function or an optimizer spec goes.
  for (const std::string& args :
       {std::string("run --function 'expr:f=(1-x)^2+100*(y-x^2)^2' --optimizer adam:lr=0.05"),
        std::string("run --function rosenbrock --optimizer "
                    "'chain:blocks=[scale_by_adam,scale_by_learning_rate(lr=0.05)]'")}) {
    INFO(args);
    const CliResult r = runCli(args + " --start -1.5,2 --steps 50");
    REQUIRE(r.exitCode == 0);
    const auto last = numbers(lines(r.out).back());
    CHECK(std::abs(last[1] - -1.3745064088634462) <= 1e-12 * 1.3745064088634462);
    CHECK(std::abs(last[2] - 1.8868385921216777) <= 1e-12 * 1.8868385921216777);
  }
}

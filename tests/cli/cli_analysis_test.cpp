// `sweep` and `basins` (issue 15): every row holds, character for character, the numbers that
// `run` prints for that learning rate and seed, or from that start.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
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

// Fields of a CSV row without quoted commas (the rows compared here have none).
std::vector<std::string> fields(const std::string& row) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = row.find(',', start);
    out.push_back(row.substr(start, comma == std::string::npos ? comma : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// What race's summary.csv computes from a `run` CSV (columns step,x,y,loss,...), as text:
// final_loss, best_loss, steps_to_tolerance, diverged_at, final_x, final_y.
struct RunEnd {
  std::string finalLoss, bestLoss, stepsToTolerance, divergedAt, finalX, finalY;
};

RunEnd summarizeRunCsv(const CliResult& run, double minimumValue) {
  const auto rows = lines(run.out);
  REQUIRE(rows.size() >= 2);
  RunEnd end;
  double best = INFINITY;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = fields(rows[i]);
    const double loss = std::strtod(f[3].c_str(), nullptr);
    if (loss < best) {
      best = loss;
      end.bestLoss = f[3];
    }
    if (end.stepsToTolerance.empty() && std::abs(loss - minimumValue) <= 1e-6)
      end.stepsToTolerance = f[0];
    end.finalLoss = f[3];
    end.finalX = f[1];
    end.finalY = f[2];
    if (i + 1 == rows.size() && run.err.find("diverged at step " + f[0]) != std::string::npos)
      end.divergedAt = f[0];
  }
  if (!std::isfinite(best)) end.bestLoss.clear();
  return end;
}

}  // namespace

TEST_CASE("sweep rows equal run's numbers for that lr and seed, character for character") {
  TempDir dir;
  const std::string common = " --function rosenbrock --start -1,1 --noise 0.5 --steps 300";
  const CliResult sweep =
      runCli("sweep" + common +
             " --optimizer sgd:momentum=0.9 --optimizer adam:amsgrad=true --lr 1e-4:3:5 "
             "--seeds 3 --out '" +
             dir.file("sweep.csv") + "'");
  REQUIRE(sweep.exitCode == 0);
  CHECK(sweep.err.empty());
  const auto rows = lines(readFile(dir.file("sweep.csv")));
  REQUIRE(rows.size() == 1 + 2 * 5 * 3);
  CHECK(rows[0] == "optimizer,lr,seed,final_loss,best_loss,steps_to_tolerance,diverged_at");
  int diverged = 0;
  // Every other row: both optimizers, every lr and every seed occur.
  for (std::size_t i = 1; i < rows.size(); i += 2) {
    const auto f = fields(rows[i]);
    REQUIRE(f.size() == 7);
    INFO(rows[i]);
    const CliResult run =
        runCli("run" + common + " --optimizer " + f[0] + ",lr=" + f[1] + " --seed " + f[2]);
    REQUIRE(run.exitCode == 0);
    const RunEnd end = summarizeRunCsv(run, 0.0);
    CHECK(f[3] == end.finalLoss);
    CHECK(f[4] == end.bestLoss);
    CHECK(f[5] == end.stepsToTolerance);
    CHECK(f[6] == end.divergedAt);
    diverged += f[6].empty() ? 0 : 1;
  }
  CHECK(diverged > 0);  // lr = 3 diverges
  // The learning rates: 1e-4 .. 3 in equal ratios, with 17 significant digits.
  CHECK(fields(rows[1])[1] == "0.0001");
  CHECK(fields(rows[13])[1] == "3");
  const std::string second = fields(rows[4])[1];  // 1e-4 · (3e4)^(1/4)
  CHECK(std::strtod(second.c_str(), nullptr) == Approx(1e-4 * std::pow(3e4, 0.25)));
  CHECK(second.size() == std::string("0.00").size() + 17);
}

TEST_CASE("sweep writes to standard output with --out -") {
  const CliResult r =
      runCli("sweep --function sphere --optimizer sgd --lr 0.01:0.1:2 --steps 5 --out -");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].rfind("sgd,0.01,0,", 0) == 0);
  CHECK(rows[2].rfind("sgd,0.10000000000000001,0,", 0) == 0);
}

TEST_CASE("basins cells equal run from that start, character for character") {
  TempDir dir;
  const CliResult basins = runCli(
      "basins --function himmelblau --optimizer sgd:lr=0.02 --grid 7 --box -6,6,-6,6 "
      "--steps 400 --out '" +
      dir.file("map.csv") + "'");
  REQUIRE(basins.exitCode == 0);
  const auto rows = lines(readFile(dir.file("map.csv")));
  REQUIRE(rows.size() == 1 + 49);
  CHECK(rows[0] == "x,y,minimum_index,final_x,final_y,final_loss,steps_to_tolerance,diverged_at");
  int diverged = 0, converged = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = fields(rows[i]);
    REQUIRE(f.size() == 8);
    INFO(rows[i]);
    // Row-major from the lower-left corner, x fastest.
    CHECK(std::strtod(f[0].c_str(), nullptr) == -6.0 + ((i - 1) % 7) * 2.0);
    CHECK(std::strtod(f[1].c_str(), nullptr) == -6.0 + ((i - 1) / 7) * 2.0);
    const CliResult run = runCli(
        "run --function himmelblau --optimizer sgd:lr=0.02 --steps 400 "
        "--start " +
        f[0] + "," + f[1]);
    REQUIRE(run.exitCode == 0);
    const RunEnd end = summarizeRunCsv(run, 0.0);
    CHECK(f[3] == end.finalX);
    CHECK(f[4] == end.finalY);
    CHECK(f[5] == end.finalLoss);
    CHECK(f[6] == end.stepsToTolerance);
    CHECK(f[7] == end.divergedAt);
    const double loss = std::strtod(f[5].c_str(), nullptr);
    CHECK(f[2].empty() == !(std::abs(loss) <= 1e-6));
    diverged += f[7].empty() ? 0 : 1;
    converged += f[2].empty() ? 0 : 1;
  }
  CHECK(diverged > 0);   // the corners overshoot
  CHECK(converged > 0);  // the middle finds the four minima
}

TEST_CASE("basins defaults to the function's view box") {
  const CliResult r =
      runCli("basins --function rosenbrock --optimizer adam:lr=0.01 --grid 2 --steps 3 --out -");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 5);
  // Rosenbrock's view box is [-2, 2] x [-1, 3].
  CHECK(rows[1].rfind("-2,-1,", 0) == 0);
  CHECK(rows[2].rfind("2,-1,", 0) == 0);
  CHECK(rows[4].rfind("2,3,", 0) == 0);
}

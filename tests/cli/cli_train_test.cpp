#include <catch2/catch.hpp>
#include <fstream>
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

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::istringstream in(row);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  if (!row.empty() && row.back() == ',') out.push_back("");
  return out;
}

double finalTestAccuracy(const CliResult& r) {
  const auto rows = lines(r.out);
  REQUIRE(!rows.empty());
  const auto last = cells(rows.back());
  REQUIRE(last.size() == 6);
  return std::stod(last[5]);
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("train reaches issue 5's accuracy on the circle") {
  const CliResult r =
      runCli("train --dataset circle --hidden 4 --optimizer adam:lr=0.03 --epochs 100 --seed 1");
  REQUIRE(r.exitCode == 0);
  CHECK(r.err.empty());
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 102);  // header, the initial network, 100 epochs
  CHECK(rows[0] == "epoch,step,train_loss,test_loss,train_accuracy,test_accuracy");
  CHECK(cells(rows[1])[0] == "0");
  CHECK(cells(rows[1])[1] == "0");
  CHECK(cells(rows[2])[1] == "25");  // 250 training points in batches of 10
  CHECK(cells(rows.back())[0] == "100");
  CHECK(cells(rows.back())[1] == "2500");
  CHECK(finalTestAccuracy(r) >= 0.95);
  CHECK(std::stod(cells(rows.back())[2]) < std::stod(cells(rows[1])[2]));
}

TEST_CASE("train reaches issue 5's accuracy on the spiral") {
  const CliResult r = runCli(
      "train --dataset spiral --hidden 16,16 --features x1,x2,sin_x1,sin_x2 "
      "--optimizer adam:lr=0.03 --epochs 300 --seed 1");
  REQUIRE(r.exitCode == 0);
  REQUIRE(lines(r.out).size() == 302);
  CHECK(finalTestAccuracy(r) >= 0.9);
}

TEST_CASE("train is deterministic per seed and writes --out like standard output") {
  const std::string args = "train --dataset xor --hidden 3 --epochs 5 --batch 7 --noise 0.2";
  const CliResult a = runCli(args + " --seed 3");
  REQUIRE(a.exitCode == 0);
  CHECK(runCli(args + " --seed 3").out == a.out);
  CHECK(runCli(args + " --seed 4").out != a.out);
  TempDir dir;
  const std::string out = dir.file("train.csv");
  const CliResult toFile = runCli(args + " --seed 3 --out '" + out + "'");
  REQUIRE(toFile.exitCode == 0);
  CHECK(toFile.out.empty());
  CHECK(readFile(out) == a.out);
}

TEST_CASE("regression leaves the accuracy columns empty") {
  const CliResult r = runCli("train --dataset multi_gaussian --hidden 8 --epochs 3");
  REQUIRE(r.exitCode == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 5);
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto row = cells(rows[i]);
    REQUIRE(row.size() == 6);
    CHECK(row[4].empty());
    CHECK(row[5].empty());
    CHECK(std::stod(row[3]) > 0.0);
  }
}

TEST_CASE("an empty hidden list and hidden 0 both mean no hidden layer") {
  const std::string args = "train --dataset gaussian --epochs 2 --activation relu";
  const CliResult zero = runCli(args + " --hidden 0");
  const CliResult empty = runCli(args + " --hidden ''");
  REQUIRE(zero.exitCode == 0);
  CHECK(empty.out == zero.out);
  CHECK(runCli(args + " --hidden 1").out != zero.out);
}

TEST_CASE("train reads its points from --csv-data") {
  TempDir dir;
  std::string classes = "x1,x2,label\n", values;
  for (int i = 0; i < 40; ++i) {
    const double x = -4.0 + 0.2 * i, y = (i % 7) - 3.0;
    classes += std::to_string(x) + "," + std::to_string(y) + "," + (x + y > 0 ? "1" : "0") + "\n";
    values += std::to_string(x) + "," + std::to_string(y) + "," + std::to_string(0.1 * x) + "\n";
  }
  writeText(dir.file("classes.csv"), classes);
  writeText(dir.file("values.csv"), values);
  const CliResult c =
      runCli("train --csv-data '" + dir.file("classes.csv") + "' --hidden '' --epochs 200");
  REQUIRE(c.exitCode == 0);
  REQUIRE(lines(c.out).size() == 202);
  CHECK(cells(lines(c.out)[2])[1] == "2");  // 20 training points in batches of 10
  CHECK(finalTestAccuracy(c) >= 0.9);       // linearly separable
  const CliResult r =
      runCli("train --csv-data '" + dir.file("values.csv") + "' --loss mse --hidden 2 --epochs 2");
  REQUIRE(r.exitCode == 0);
  CHECK(cells(lines(r.out).back())[5].empty());
}

TEST_CASE("train's --regularization penalizes the weights, a rate of 0 changes nothing") {
  const std::string base = "train --dataset circle --hidden 4 --epochs 5 --seed 2";
  const CliResult none = runCli(base);
  const CliResult l2 = runCli(base + " --regularization l2 --regularization-rate 0.03");
  const CliResult l1 = runCli(base + " --regularization l1 --regularization-rate 0.03");
  const CliResult zero = runCli(base + " --regularization l2 --regularization-rate 0");
  for (const CliResult* r : {&none, &l2, &l1, &zero}) REQUIRE(r->exitCode == 0);
  CHECK(zero.out == none.out);
  CHECK(l2.out != none.out);
  CHECK(l1.out != none.out);
  CHECK(l1.out != l2.out);
  // Row 0 is the same initial network: the reported losses are data losses, without penalty.
  CHECK(lines(l2.out)[1] == lines(none.out)[1]);
}

TEST_CASE("a diverging training run stops and says so") {
  const CliResult r =
      runCli("train --dataset plane --activation linear --optimizer sgd:lr=50 --epochs 20");
  CHECK(r.exitCode == 0);
  CHECK(r.err.find("diverged at step") != std::string::npos);
  CHECK(lines(r.out).size() < 22);
}

TEST_CASE("bad train input exits 2 with one line naming the problem and writes nothing") {
  TempDir dir;
  writeText(dir.file("bad.csv"), "x1,x2,label\n1,2,0\n3,4,1\n5,six,0\n");
  writeText(dir.file("short.csv"), "1,2,0\n3,4\n");
  struct Case {
    std::string args;
    std::string mentions;
  };
  const Case cases[] = {
      {"train --dataset nosuch", "nosuch"},
      {"train --dataset circle --features x1,x3", "x3"},
      {"train --dataset circle --activation softplus", "softplus"},
      {"train --dataset circle --hidden 17", "17 neurons"},
      {"train --dataset circle --hidden 4,17", "layer 2"},
      {"train --dataset circle --hidden 1,1,1,1,1,1,1", "7 hidden layers"},
      {"train --dataset circle --hidden 4,x", "hidden"},
      {"train --dataset circle --batch 0", "--batch"},
      {"train --dataset circle --batch 251", "batch"},
      {"train --dataset circle --train-ratio 1.5", "--train-ratio"},
      {"train --dataset circle --train-ratio 0", "--train-ratio"},
      {"train --dataset circle --noise 0.7", "--noise"},
      {"train --dataset circle --points 5", "--points"},
      {"train --dataset circle --epochs -1", "--epochs"},
      {"train --dataset circle --seed -1", "--seed"},
      {"train --dataset circle --loss hinge", "hinge"},
      {"train --dataset circle --loss mse", "mse"},
      {"train --dataset spiral3 --loss bce", "bce"},
      {"train --dataset plane --loss cross_entropy", "cross_entropy"},
      {"train --dataset circle --optimizer adam:lr=-1", "lr"},
      {"train --dataset circle --schedule nosuch", "nosuch"},
      {"train --dataset circle --bogus 1", "--bogus"},
      {"train --hidden 4", "--dataset"},
      {"train --csv-data '" + dir.file("bad.csv") + "'", "line 4"},
      {"train --csv-data '" + dir.file("short.csv") + "'", "line 2"},
      {"train --csv-data '" + dir.file("missing.csv") + "'", "missing.csv"},
      {"train --dataset circle --csv-data '" + dir.file("short.csv") + "'", "--csv-data"},
      {"train --csv-data '" + dir.file("bad.csv") + "' --noise 0.1", "--noise"},
      {"train --dataset circle --regularization l3", "l3"},
      {"train --dataset circle --regularization l2 --regularization-rate -1",
       "--regularization-rate"},
      {"train --dataset circle --regularization-rate inf", "--regularization-rate"},
  };
  const std::string out = dir.file("out.csv");
  for (const Case& c : cases) {
    INFO(c.args);
    const CliResult r = runCli(c.args + " --out '" + out + "'");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    REQUIRE_FALSE(r.err.empty());
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(r.err.find(c.mentions) != std::string::npos);
    CHECK_FALSE(fileExists(out));
  }
}

// Issue 6's bad-input table: malformed flags, specs and CSV datasets across run, race and
// train (the run cases of cli_bad_input_test.cpp are not repeated), issue 11's bad experiment
// files and options for replay, and issue 15's sweep and basins. Every one must exit 2, print
// exactly one line on standard error that names the offending piece, print nothing on standard
// output, and write nothing: no --out file, no --out directory, no stray files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

using namespace optiscope::testing;

namespace {

struct BadInput {
  std::string args;      // without --out, which the test adds
  std::string mentions;  // the offending piece, as the message must name it
};

std::set<std::string> entries(const std::string& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    names.insert(entry.path().filename().string());
  return names;
}

void checkRejected(const BadInput& bad, const TempDir& dir) {
  const bool toDirectory = bad.args.rfind("race", 0) == 0 || bad.args.rfind("replay", 0) == 0;
  const std::string out = dir.file(toDirectory ? "race-out" : "out.csv");
  const auto before = entries(dir.path());
  INFO(bad.args);
  const CliResult r = runCli(bad.args + " --out '" + out + "'");
  CHECK(r.exitCode == 2);
  CHECK(r.out.empty());
  REQUIRE_FALSE(r.err.empty());
  CHECK(r.err.find('\n') == r.err.size() - 1);
  CHECK(r.err.find(bad.mentions) != std::string::npos);
  CHECK_FALSE(fileExists(out));
  CHECK(entries(dir.path()) == before);
}

const std::vector<BadInput> kFlagAndSpecCases = {
    // schedules
    {"run --function rosenbrock --optimizer adam --schedule step:step_size=0", "step_size"},
    {"run --function rosenbrock --optimizer adam --schedule 'multistep:milestones=[30,'", "]"},
    {"run --function rosenbrock --optimizer adam --schedule exponential:gamma=-1", "gamma"},
    {"run --function rosenbrock --optimizer adam --schedule cosine:t_max=0", "t_max"},
    {"run --function rosenbrock --optimizer adam --schedule linear:start_factor=2", "start_factor"},
    {"run --function rosenbrock --optimizer adam --schedule onecycle:total_steps=0", "total_steps"},
    {"run --function rosenbrock --optimizer adam --schedule cyclic:mode=sideways", "sideways"},
    {"run --function rosenbrock --optimizer adam --schedule reduce_on_plateau:mode=up", "'up'"},
    {"run --function rosenbrock --optimizer adam --schedule sequence:first=nosuch", "nosuch"},
    {"run --function rosenbrock --optimizer adam --schedule cosine:t_max=10,t_max=20", "t_max"},
    {"run --function rosenbrock --optimizer yogi --schedule cyclic:base_lr=0.1,max_lr=1",
     "cycle_momentum"},
    // optimizer specs
    {"run --function rosenbrock --optimizer adam:lr", "'lr'"},
    {"run --function rosenbrock --optimizer adam:lr=0.1,lr=0.2", "'lr' given twice"},
    {"run --function rosenbrock --optimizer :lr=0.1", "missing name"},
    {"run --function rosenbrock --optimizer 'adam:lr=(0.1'", "adam:lr=(0.1"},
    {"run --function rosenbrock --optimizer rprop:eta_minus=2", "eta_minus"},
    {"run --function rosenbrock --optimizer sgd:momentum=-0.5", "momentum"},
    {"run --function rosenbrock --optimizer rmsprop:alpha=1.5", "alpha"},
    {"run --function rosenbrock --optimizer adagrad:eps=-1", "eps"},
    {"run --function rosenbrock --optimizer lion:beta2=2", "beta2"},
    // function specs and flags
    {"run --function quadratic:condition=0 --optimizer adam", "condition"},
    {"run --function quadratic:nosuch=1 --optimizer adam", "nosuch"},
    {"run --function rosenbrock:dim=1 --optimizer adam", "dim"},
    {"run --function rosenbrock:dim=3 --dim 3 --optimizer adam", "--dim"},
    {"run --function rosenbrock --dim abc --optimizer adam", "abc"},
    {"run --function rosenbrock --optimizer adam --start ''", "--start"},
    {"run --function rosenbrock --optimizer adam --start 1,,2", "--start"},
    {"run --function rosenbrock --optimizer adam --steps 99999999999999999999999", "--steps"},
    {"run --function rosenbrock --optimizer adam --noise nan", "--noise"},
    {"run --function rosenbrock --optimizer adam --function sphere", "--function"},
    {"run --function rosenbrock --optimizer adam stray", "stray"},
    // typed surfaces (issue 16): every formula error names its column
    {"run --function 'expr:f=x*(y+1' --optimizer adam", "expected ')' at column 7"},
    {"run --function 'expr:f=(x+y' --optimizer adam", "expected ')' at column 5"},
    {"run --function 'expr:f=3*(x+(y-1)*2' --optimizer adam", "expected ')' at column 13"},
    {"run --function 'expr:f=sinn(x)+y' --optimizer adam", "unknown function 'sinn' at column 1"},
    {"run --function 'expr:f=x+z' --optimizer adam", "unknown name 'z' at column 3"},
    {"run --function 'expr:f=x1+x0' --optimizer adam", "unknown variable 'x0' at column 4"},
    {"run --function 'expr:f=x+x2' --optimizer adam", "'x2' at column 3"},
    {"run --function 'expr:f=x+x1001' --optimizer adam", "'x1001' at column 3"},
    {"run --function 'expr:f=x+y)' --optimizer adam", "unmatched ')' at column 4"},
    {"run --function 'expr:f=2x+y' --optimizer adam", "at column 2"},
    {"run --function 'expr:f=1.2.3*x' --optimizer adam", "bad number '1.2.3' at column 1"},
    {"run --function 'expr:f=x+1e' --optimizer adam", "bad number '1e' at column 3"},
    {"run --function 'expr:f=1e999*x' --optimizer adam", "number '1e999' at column 1"},
    {"run --function 'expr:f=x+' --optimizer adam", "at column 3"},
    {"run --function 'expr:f=x^' --optimizer adam", "at column 3"},
    {"run --function 'expr:f=x**2' --optimizer adam", "'**' at column 2"},
    {"run --function 'expr:f=sin x' --optimizer adam", "'sin' at column 5"},
    {"run --function 'expr:f=atan2(x)+y' --optimizer adam", "atan2() at column 1"},
    {"run --function 'expr:f=min(x,y,1)' --optimizer adam", "min() at column 1"},
    {"run --function 'expr:f=x=y' --optimizer adam", "unexpected '=' at column 2"},
    {"run --function 'expr:f=x:y' --optimizer adam", "unexpected ':' at column 2"},
    {"run --function 'expr:f=x*()' --optimizer adam", "at column 4"},
    {"run --function 'expr:f=x*[y]' --optimizer adam", "unexpected '[' at column 3"},
    {"race --function 'expr:f=x+y*' --optimizer adam", "at column 5"},
    {"run --function 'expr:f=a*x^2+y^2,a=1,b=2' --optimizer adam", "parameter 'b'"},
    {"run --function 'expr:f=x^2+y^2,pi=3' --optimizer adam", "'pi' is a constant"},
    {"run --function 'expr:f=x^2,xmin=3' --optimizer adam", "xmin"},
    {"run --function expr --optimizer adam", "f=<formula>"},
    {"run --function 'expr:f=x1+x2' --dim 3 --optimizer adam", "--dim"},
    // chains (issue 16)
    {"run --function rosenbrock --optimizer 'chain:blocks=[scale_by_adam,nosuch]'", "nosuch"},
    {"run --function rosenbrock --optimizer 'chain:blocks=[scale_by_adam(b1=0.9)]'", "'b1'"},
    {"run --function rosenbrock --optimizer 'chain:blocks=[]'", "blocks is empty"},
    {"run --function rosenbrock --optimizer 'chain:blocks=[scale_by_adam,trace'", "]"},
    {"run --function rosenbrock --optimizer 'chain:blocks=[trace(decay=-1)]'", "decay"},
    {"run --function rosenbrock --optimizer "
     "'chain:blocks=[scale_by_learning_rate,scale_by_learning_rate]'",
     "at most one"},
    {"run --function rosenbrock --optimizer "
     "'chain:blocks=[scale_by_schedule(schedule=reduce_on_plateau)]'",
     "reduce_on_plateau"},
    {"race --function rosenbrock --optimizer adam --optimizer 'chain:blocks=[clip(max_delta=0)]'",
     "max_delta"},
    // race
    {"race --function rosenbrock --steps 10", "--optimizer"},
    {"race --function rosenbrock --optimizer adam --optimizer nosuch", "nosuch"},
    {"race --function rosenbrock --optimizer adam --optimizer sgd:lr=-1", "lr"},
    {"race --function nosuch --optimizer adam", "nosuch"},
    {"race --function rosenbrock --optimizer adam --schedule nosuch", "nosuch"},
    {"race --function rosenbrock --optimizer adam --steps -5", "--steps"},
    {"race --function rosenbrock --optimizer adam --start 1", "start"},
    {"race --function rosenbrock --optimizer adam --noise -0.1", "--noise"},
    {"race --function rosenbrock --optimizer adam --seed x", "--seed"},
    {"race --function rosenbrock --optimizer adam --bogus 1", "--bogus"},
    {"race --function beale --dim 4 --optimizer adam", "beale"},
    // sweep
    {"sweep --function rosenbrock --lr 1e-3:1:5", "--optimizer"},
    {"sweep --function rosenbrock --optimizer adam", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr 1:0.1:5", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr 0.1:0.1:5", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr 0:1:5", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:1", "--lr N"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:100000", "--lr N"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5:7", "--lr"},
    {"sweep --function rosenbrock --optimizer adam --lr abc:1:5", "--lr LO"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:inf:5", "--lr HI"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:x", "--lr N"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --seeds 0", "--seeds"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --seeds 1001", "--seeds"},
    {"sweep --function nosuch --optimizer adam --lr 1e-3:1:5", "nosuch"},
    {"sweep --function rosenbrock --optimizer adam --optimizer nosuch --lr 1e-3:1:5", "nosuch"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --start 1", "start"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --noise -1", "--noise"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --steps -1", "--steps"},
    {"sweep --function rosenbrock --optimizer yogi --lr 1e-3:1:5 "
     "--schedule cyclic:base_lr=0.1,max_lr=1",
     "cycle_momentum"},
    {"sweep --function rosenbrock --optimizer adam --lr 1e-3:1:5 --grid 3", "--grid"},
    // basins
    {"basins --function rosenbrock --optimizer adam", "--grid"},
    {"basins --function rosenbrock --optimizer adam --grid 0", "--grid"},
    {"basins --function rosenbrock --optimizer adam --grid 1", "--grid"},
    {"basins --function rosenbrock --optimizer adam --grid 401", "--grid"},
    {"basins --function rosenbrock --optimizer adam --grid ten", "--grid"},
    {"basins --function rosenbrock --grid 10", "--optimizer"},
    {"basins --function nosuch --optimizer adam --grid 10", "nosuch"},
    {"basins --function rosenbrock --optimizer nosuch --grid 10", "nosuch"},
    {"basins --function rosenbrock:dim=3 --optimizer adam --grid 10", "2D function"},
    {"basins --function sphere:dim=5 --optimizer adam --grid 10", "2D function"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --box 1,0,0,1", "--box"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --box 0,1,0", "--box"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --box 0,1,1,1", "--box"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --box 0,1,0,inf", "--box"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --steps -1", "--steps"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --noise nan", "--noise"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --start 1,2", "--start"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --dim 3", "--dim"},
    {"basins --function rosenbrock --optimizer adam --grid 10 --schedule nosuch", "nosuch"},
    // train
    {"train --dataset nosuch", "nosuch"},
    {"train --dataset circle --hidden 8,abc", "abc"},
    {"train --dataset circle --hidden 17", "17"},
    {"train --dataset circle --hidden 1,1,1,1,1,1,1", "hidden"},
    {"train --dataset circle --activation swish", "swish"},
    {"train --dataset circle --features x1,x3", "x3"},
    {"train --dataset circle --loss hinge", "hinge"},
    {"train --dataset plane --loss bce", "bce"},
    {"train --dataset circle --optimizer adam:lr=-1", "lr"},
    {"train --dataset circle --schedule nosuch", "nosuch"},
    {"train --dataset circle --batch 0", "--batch"},
    {"train --dataset circle --epochs -1", "--epochs"},
    {"train --dataset circle --noise 0.9", "--noise"},
    {"train --dataset circle --train-ratio 1", "--train-ratio"},
    {"train --dataset circle --points 5", "--points"},
    {"train --dataset circle --points 100001", "--points"},
    {"train --dataset circle --seed -1", "--seed"},
    {"train", "--dataset"},
};

struct BadCsv {
  std::string name;
  std::string content;
  std::string extraArgs;
  std::string mentions;  // besides the file name, which every message must start with
};

const std::vector<BadCsv> kCsvCases = {
    {"short_row.csv", "x1,x2,label\n0,0,0\n1,1\n", "", "line 3"},
    {"long_row.csv", "0,0,0\n1,1,1,\n", "", "line 2"},
    {"not_number.csv", "0,0,0\n1,abc,1\n", "", "'abc'"},
    {"infinite.csv", "0,0,0\n1,inf,1\n", "", "'inf'"},
    {"overflow.csv", "0,0,0\n1,1e999,1\n", "", "'1e999'"},
    {"empty_field.csv", "0,0,0\n1,,1\n", "", "line 2"},
    {"fraction_label.csv", "0,0,0\n1,1,0.5\n", "", "'0.5'"},
    {"class_16.csv", "0,0,0\n1,1,16\n", "", "'16'"},
    {"nan_label.csv", "0,0,0\n1,1,nan\n", "", "'nan'"},
    {"text_labels.csv", "0,0,a\n1,1,b\n", "", "'a'"},
    {"header_only.csv", "x1,x2,label\n", "", "no data rows"},
    {"empty.csv", "", "", "no data rows"},
    {"one_class.csv", "0,0,1\n1,1,1\n", "", "two classes"},
    {"mixed_labels.csv", "0,0,0\n1,1,-1\n2,2,1\n", "", "-1"},
    {"semicolons.csv", "0;0;0\n1;1;1\n", "", "line 1"},
    {"regression_text.csv", "0,0,0.5\n1,1,x\n", "--loss mse", "'x'"},
    {"good_with_points.csv", "0,0,0\n1,1,1\n", "--points 100", "--points"},
    {"good_with_dataset.csv", "0,0,0\n1,1,1\n", "--dataset circle", "--dataset"},
};

}  // namespace

TEST_CASE(
    "bad flags and specs of run, race, train, sweep and basins: exit 2, one line, nothing "
    "written") {
  TempDir dir;
  for (const BadInput& bad : kFlagAndSpecCases) checkRejected(bad, dir);
}

TEST_CASE("bad --csv-data files: exit 2, one line naming file and line, nothing written") {
  TempDir dir;
  for (const BadCsv& csv : kCsvCases) {
    const std::string path = dir.file(csv.name);
    std::ofstream(path, std::ios::binary) << csv.content;
    checkRejected({"train --csv-data '" + path + "' " + csv.extraArgs, csv.mentions}, dir);
    // Problems inside the file name the file; flag conflicts name the flag.
    if (csv.extraArgs.empty() || csv.extraArgs == "--loss mse") {
      const CliResult r = runCli("train --csv-data '" + path + "' " + csv.extraArgs);
      CHECK(r.err.find(csv.name) != std::string::npos);
    }
  }
  const std::string missing = dir.file("missing.csv");
  checkRejected({"train --csv-data '" + missing + "'", "missing.csv"}, dir);
}

namespace {

// Changes to tests/experiments/full_example.optiscope.json that make it bad.
struct BadExperiment {
  std::vector<std::pair<std::string, std::string>> edits;  // first occurrence -> replacement
  std::string mentions;  // besides the file name, which every message starts with
};

const std::string kBadCsv = R"("dataset": {"csv": "x1,x2,label\n1,2,0\n3,4\n"})";

const std::vector<BadExperiment> kExperimentCases = {
    {{{R"("version": 1,)", R"("version": 1)"}}, "line 4, column 8: malformed JSON"},
    {{{R"("noise": 0.5,)", R"("noise": 1e999,)"}}, "number overflow"},
    {{{R"("contours": true,)", R"("contours": true, "contours": false,)"}}, "given twice"},
    {{{R"("optiscope-experiment")", R"("optiscope-lesson")"}}, "line 2: format"},
    {{{R"("version": 1,)", R"("version": 2,)"}}, "line 3: version: the file is version 2, newer"},
    {{{R"("contours": true)", R"("contours": 1)"}},
     "line 10: landscape.contours: must be true or false"},
    {{{R"("function": "rosenbrock",)", ""}}, "landscape.function: missing"},
    {{{R"("activation": "tanh")", R"("activation": "swish")"}},
     "network.activation: unknown activation 'swish'"},
    {{{R"("train_ratio": 0.6)", R"("train_ratio": 0)"}}, "network.train_ratio"},
    {{{R"("hidden": [6, 4])", R"("hidden": [6, 17])"}}, "network.hidden[1]"},
    {{{R"("adam:lr=0.05")", R"("adam:betas=0.9")"}},
     "line 18: landscape.runs[2].optimizer: adam: unknown key 'betas'"},
    {{{R"("adam:lr=0.05")", R"("adma")"}}, "landscape.runs[2].optimizer: unknown optimizer 'adma'"},
    {{{R"("cosine:t_max=300")", R"("cosine:t_max=-1")"}}, "landscape.runs[2].schedule"},
    {{{R"("adam:lr=0.03", "schedule": "constant")",
       R"("yogi", "schedule": "cyclic:base_lr=0.1,max_lr=1")"}},
     "network.runs[0].schedule: cyclic: cycle_momentum"},
    {{{R"("start": [-1.5, 2])", R"("start": [-1.5, 2, 1])"}},
     "line 7: landscape.start: has 3 coordinates but rosenbrock needs 2"},
    {{{R"("function": "rosenbrock")", R"("function": "rosenbrock:dim=3")"}}, "2D"},
    {{{R"("loss": "auto")", R"("loss": "mse")"}}, "network.loss"},
    {{{R"("batch_size": 16)", R"("batch_size": 500)"}}, "network.batch_size"},
    {{{R"("dataset": "xor")", kBadCsv}}, "network.points: shapes generated datasets"},
    {{{"\"points\": 200,\n    \"noise\": 0.1,\n", ""}, {R"("dataset": "xor")", kBadCsv}},
     "network.dataset.csv: csv line 3"},
    {{{R"("color": "#cc79a7")", R"("color": "pink")"}}, "landscape.runs[2].color"},
    {{{R"("speed": 100)", R"("speed": 0)"}}, "playback.speed"},
    {{{R"("network_epochs": 20)", R"("network_epochs": -20)"}}, "playback.network_epochs"},
};

}  // namespace

TEST_CASE("bad experiment files for replay: exit 2, one line naming file, line and path") {
  TempDir dir;
  std::ifstream in(std::string(OPTISCOPE_EXPERIMENTS_DIR) + "/full_example.optiscope.json");
  const std::string example((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int index = 0;
  for (const BadExperiment& bad : kExperimentCases) {
    std::string text = example;
    for (const auto& [find, replace] : bad.edits) {
      const auto at = text.find(find);
      REQUIRE(at != std::string::npos);
      text.replace(at, find.size(), replace);
    }
    const std::string path = dir.file("bad-" + std::to_string(++index) + ".optiscope.json");
    std::ofstream(path, std::ios::binary) << text;
    checkRejected({"replay '" + path + "'", path + " line "}, dir);
    checkRejected({"replay '" + path + "'", bad.mentions}, dir);
  }
  CHECK(index >= 15);
}

TEST_CASE("bad replay options and files that are no experiment: exit 2, nothing written") {
  TempDir dir;
  const std::string good = std::string(OPTISCOPE_EXPERIMENTS_DIR) + "/full_example.optiscope.json";
  const std::string empty = dir.file("empty.optiscope.json");
  std::ofstream(empty).close();
  const std::string noRuns = dir.file("no-runs.optiscope.json");
  std::ofstream(noRuns) << R"({"format": "optiscope-experiment", "version": 1,
                              "landscape": {"function": "sphere"}})";
  const std::vector<BadInput> cases = {
      {"replay", "experiment file"},
      {"replay '" + good + "' --steps -1", "--steps"},
      {"replay '" + good + "' --epochs many", "--epochs"},
      {"replay '" + good + "' --bogus 1", "--bogus"},
      {"replay '" + good + "' stray", "stray"},
      {"replay '" + dir.file("missing.optiscope.json") + "'",
       "missing.optiscope.json: cannot open"},
      {"replay '" + dir.path() + "'", "is a directory"},
      {"replay '" + empty + "'", "malformed JSON"},
      {"replay '" + noRuns + "'", "no runs"},
  };
  for (const BadInput& bad : cases) checkRejected(bad, dir);

  // --out, or a page's folder in it, taken by a file.
  const std::string taken = dir.file("taken");
  std::ofstream(taken).close();
  const CliResult r = runCli("replay '" + good + "' --out '" + taken + "'");
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("not a directory") != std::string::npos);
  const std::string out = dir.file("out");
  std::filesystem::create_directory(out);
  std::ofstream(out + "/network").close();
  const CliResult sub = runCli("replay '" + good + "' --out '" + out + "'");
  CHECK(sub.exitCode == 2);
  CHECK(sub.err.find("network' exists and is not a directory") != std::string::npos);
  CHECK_FALSE(fileExists(out + "/landscape"));
}

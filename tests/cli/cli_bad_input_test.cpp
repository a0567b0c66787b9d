#include <catch2/catch.hpp>

#include "cli/cli_runner.h"

using namespace optiscope::testing;

// Each bad input: exit code 2, exactly one line on standard error naming the bad piece, and no
// output file created or changed.
TEST_CASE("bad input exits 2 with one line naming the problem and writes nothing") {
  struct Case {
    const char* args;
    const char* mentions;
  };
  const Case cases[] = {
      {"run --function nosuch --optimizer adam", "nosuch"},
      {"run --function rosenbrock --optimizer nosuch", "nosuch"},
      {"run --function rosenbrock --optimizer adam:nosuch=1", "nosuch"},
      {"run --function rosenbrock --optimizer adam --schedule nosuch", "nosuch"},
      {"run --function rosenbrock --optimizer adam --schedule cosine:t_max=abc", "t_max"},
      {"run --function rosenbrock --optimizer adam:lr=-1", "lr"},
      {"run --function rosenbrock --optimizer adam:lr=abc", "abc"},
      {"run --function rosenbrock --optimizer adam:lr=nan", "lr"},
      {"run --function rosenbrock --optimizer adam:lr=inf", "lr"},
      {"run --function rosenbrock --optimizer adam:beta1=1", "beta1"},
      {"run --function rosenbrock --optimizer adam:beta2=-0.1", "beta2"},
      {"run --function rosenbrock --optimizer adam:eps=0", "eps"},
      {"run --function rosenbrock --optimizer adam:amsgrad=maybe", "amsgrad"},
      {"run --function rosenbrock --optimizer sgd:nesterov=true", "nesterov"},
      {"run --function rosenbrock --optimizer adam --steps -1", "--steps"},
      {"run --function rosenbrock --optimizer adam --steps 1.5", "--steps"},
      {"run --function rosenbrock --optimizer adam --start 1,2,3", "start"},
      {"run --function rosenbrock --optimizer adam --start 1,x", "--start"},
      {"run --function rosenbrock --optimizer adam --start 1,inf", "--start"},
      {"run --function rosenbrock --optimizer adam --noise -1", "--noise"},
      {"run --function rosenbrock --optimizer adam --seed -3", "--seed"},
      {"run --function beale --dim 5 --optimizer adam", "--dim"},
      {"run --function rosenbrock --dim 0 --optimizer adam", "dim"},
      {"run --function rosenbrock --optimizer adam --bogus 1", "--bogus"},
      {"run --function rosenbrock --optimizer adam --steps", "--steps"},
      {"run --optimizer adam", "--function"},
      {"run --function rosenbrock", "--optimizer"},
      {"frobnicate", "frobnicate"},
  };
  TempDir dir;
  const std::string out = dir.file("out.csv");
  for (const Case& c : cases) {
    INFO(c.args);
    const CliResult r = runCli(std::string(c.args) + " --out '" + out + "'");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    REQUIRE_FALSE(r.err.empty());
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(r.err.find(c.mentions) != std::string::npos);
    CHECK_FALSE(fileExists(out));
  }
}

TEST_CASE("bad input leaves an existing output file untouched") {
  TempDir dir;
  const std::string out = dir.file("keep.csv");
  REQUIRE(runCli("run --function sphere --optimizer sgd --steps 2 --out '" + out + "'").exitCode ==
          0);
  const std::string before = readFile(out);
  const CliResult r =
      runCli("run --function sphere --optimizer sgd:lr=-5 --steps 2 --out '" + out + "'");
  CHECK(r.exitCode == 2);
  CHECK(readFile(out) == before);
}

#include <catch2/catch.hpp>

#include "cli/cli_runner.h"

using namespace optiscope::testing;

TEST_CASE("functions lists every function with minima, view box and start") {
  const CliResult r = runCli("functions");
  REQUIRE(r.exitCode == 0);
  for (const char* name :
       {"sphere", "quadratic", "saddle", "rosenbrock", "beale", "booth", "himmelblau", "rastrigin",
        "ackley", "goldstein_price", "matyas", "levy13", "three_hump_camel", "six_hump_camel",
        "styblinski_tang", "mccormick", "easom"}) {
    INFO(name);
    const bool listed = r.out.find(std::string("\n") + name + "  dim=") != std::string::npos ||
                        r.out.rfind(std::string(name) + "  dim=", 0) == 0;
    CHECK(listed);
  }
  CHECK(r.out.find("rosenbrock  dim=N (default 2)  minima=f(1, 1)=0") != std::string::npos);
  CHECK(r.out.find("start=(-1.5, 2)") != std::string::npos);
}

TEST_CASE("optimizers lists every optimizer with torch's defaults") {
  const CliResult r = runCli("optimizers");
  REQUIRE(r.exitCode == 0);
  for (const char* name :
       {"sgd:", "adagrad:", "rmsprop:", "adadelta:", "adam:", "adamw:", "adamax:", "nadam:",
        "radam:", "asgd:", "rprop:", "lion:", "adabelief:", "yogi:", "adabound:"}) {
    INFO(name);
    const bool listed =
        r.out.find(std::string("\n") + name) != std::string::npos || r.out.rfind(name, 0) == 0;
    CHECK(listed);
  }
  CHECK(r.out.find("adam: lr=0.001 beta1=0.9 beta2=0.999 eps=1e-08") !=
        std::string::npos);
  CHECK(r.out.find("adamw: lr=0.001") != std::string::npos);
  CHECK(r.out.find("weight_decay=0.01") != std::string::npos);
}

TEST_CASE("functions lists typed surfaces; optimizers lists the chain and its blocks") {
  const CliResult functions = runCli("functions");
  REQUIRE(functions.exitCode == 0);
  CHECK(functions.out.find("\nexpr:f=<formula>  dim=2 (x, y) or N (x1..xn)  minima=numerical") !=
        std::string::npos);
  const CliResult optimizers = runCli("optimizers");
  REQUIRE(optimizers.exitCode == 0);
  CHECK(optimizers.out.find("\nchain: blocks=[") != std::string::npos);
  for (const char* block : {"clip", "clip_by_global_norm", "add_decayed_weights", "trace",
                            "scale_by_rss", "scale_by_rms", "scale_by_adam", "scale_by_belief",
                            "scale_by_sign", "scale_by_schedule", "scale_by_learning_rate"}) {
    INFO(block);
    CHECK(optimizers.out.find(std::string("\n  chain block ") + block + ":") != std::string::npos);
  }
}

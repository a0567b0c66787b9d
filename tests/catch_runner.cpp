// Catch2's implementation (its runner, reporters, matchers): the slowest file of the tests to
// compile, so compiled once and linked into every test program, the widget tests' included.
// Each program brings its own main() (test_main.cpp, ui/ui_test_main.cpp) that calls runCatch.
#define CATCH_CONFIG_RUNNER
#include "catch_runner.h"

#include <catch2/catch.hpp>

namespace optiscope::testing {

int runCatch(int argc, char** argv) { return Catch::Session().run(argc, argv); }

}  // namespace optiscope::testing

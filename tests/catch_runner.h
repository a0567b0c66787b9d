#pragma once

namespace optiscope::testing {

// Runs the Catch2 session with the command line (catch_runner.cpp holds Catch2's
// implementation, compiled once for every test program).
int runCatch(int argc, char** argv);

}  // namespace optiscope::testing

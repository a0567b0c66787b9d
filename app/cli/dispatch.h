#pragma once

#include <string>
#include <vector>

namespace optiscope::cli {

// The whole of optiscope-cli without the process around it: `words` are argv[1..]. Prints as
// main() would and returns the exit code (0 success, 1 failure, 2 bad input on one line).
// In-process callers (the fuzz harness) get exactly the command line's behaviour.
int dispatch(const std::vector<std::string>& words);

}  // namespace optiscope::cli

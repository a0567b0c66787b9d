// optiscope-cli: the headless front end of the Optiscope optimizer library.
#include <string>
#include <vector>

#include "app/cli/dispatch.h"

int main(int argc, char** argv) {
  return optiscope::cli::dispatch(std::vector<std::string>(argv + 1, argv + argc));
}

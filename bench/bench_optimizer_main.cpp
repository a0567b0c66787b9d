// bench_optimizer: Optiscope's side of bench/compare. Prints one `figure<TAB>value<TAB>unit`
// line per measurement; bench/compare runs the torch/numpy references and makes the table.
//   bench_optimizer [steps|triad|scaling|race|grid|network ...]   (default: all)
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_optimizer_figures.h"

int main(int argc, char** argv) {
  using namespace optiscope::bench;
  std::vector<std::string> groups(argv + 1, argv + argc);
  if (groups.empty()) groups = {"steps", "triad", "scaling", "race", "grid", "network"};
  for (const std::string& group : groups) {
    if (group == "steps") {
      optimizerStepFigures();
    } else if (group == "triad") {
      triadFigure(1000000);
      triadFigure(10000000);
    } else if (group == "scaling") {
      scalingFigures();
    } else if (group == "race") {
      raceFigures(1.0);
    } else if (group == "grid") {
      gridFigure();
    } else if (group == "network") {
      networkFigure();
    } else {
      std::fprintf(stderr, "bench_optimizer: unknown group '%s'\n", group.c_str());
      return 2;
    }
  }
  return 0;
}

// Typed surfaces (expr:f=...) against the built-in functions they spell out, on the landscape's
// 1000 x 1000 grid (evaluateGrid, one thread), in one run: the figure is the ratio of the two
// times, the best of several repetitions each. The target of issue 16 is a ratio <= 3 for
// Rosenbrock.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/landscape/grid.h"
#include "core/objectives/objective.h"

using namespace optiscope;

namespace {

double bestSeconds(const Objective& f, const GridSpec& spec, int repetitions, double& checksum) {
  double best = 1e300;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const Grid grid = evaluateGrid(f, spec);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
    checksum += grid.values[grid.values.size() / 3];
  }
  return best;
}

struct Pair {
  std::string builtIn, typed;
};

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const std::vector<Pair> pairs = {
      {"rosenbrock", "expr:f=(1-x)^2+100*(y-x^2)^2"},
      {"himmelblau", "expr:f=(x^2+y-11)^2+(x+y^2-7)^2"},
      {"booth", "expr:f=(x+2*y-7)^2+(2*x+y-5)^2"},
      {"rastrigin", "expr:f=20+x^2-10*cos(2*pi*x)+y^2-10*cos(2*pi*y)"},
  };
  std::printf("1000 x 1000 grid, best of %d, one thread\n", repetitions);
  std::printf("%-12s %12s %12s %8s\n", "function", "built-in ms", "typed ms", "ratio");
  double checksum = 0.0;
  for (const Pair& pair : pairs) {
    const auto builtIn = makeObjective(pair.builtIn);
    const auto typed = makeObjective(pair.typed);
    const Box box = builtIn->viewBox();
    const GridSpec spec{box.lower[0], box.upper[0], box.lower[1], box.upper[1], 1000, 1000};
    // Interleaved, so that both see the same machine load.
    double builtInBest = 1e300, typedBest = 1e300;
    for (int round = 0; round < 2; ++round) {
      builtInBest = std::min(builtInBest, bestSeconds(*builtIn, spec, repetitions, checksum));
      typedBest = std::min(typedBest, bestSeconds(*typed, spec, repetitions, checksum));
    }
    std::printf("%-12s %12.2f %12.2f %8.2f\n", pair.builtIn.c_str(), 1e3 * builtInBest,
                1e3 * typedBest, typedBest / builtInBest);
  }
  std::printf("(checksum %.6g)\n", checksum);
  return 0;
}

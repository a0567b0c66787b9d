#include <catch2/catch.hpp>

#include "core/engine/engine.h"
#include "engine_test_support.h"
#include "heap_usage.h"

// Issue 3, item 8: adding and removing runs 1,000 times returns memory to its baseline.

namespace optiscope {
namespace {

using namespace std::chrono_literals;

// Runs come, step a little while the engine plays, and go; then the engine is drained.
void churn(Engine& engine, const RunConfig& config, int runs) {
  for (int i = 0; i < runs; ++i) engine.removeRun(engine.addRun(config, RunOptions{50, false}));
  REQUIRE(engine.waitUntilIdle(30s));
  engine.takeTraceDeltas();
}

}  // namespace

TEST_CASE("adding and removing runs 1,000 times returns memory to its baseline") {
  const RunConfig config = makeRunConfig("rosenbrock:dim=8", "adam:lr=0.01");
  Engine engine;
  engine.play();
  churn(engine, config, 8);  // warm-up: containers reach their working size
  const std::size_t baseline = testing::heapBytesInUse();
  churn(engine, config, 1000);
  const std::size_t after = testing::heapBytesInUse();
  const long long growth = static_cast<long long>(after) - static_cast<long long>(baseline);
  INFO("heap before " << baseline << " B, after " << after << " B");
  // A leaked run would hold its objective, optimizer, vectors and trace delta (> 4 KB), so
  // a leak of even a tenth of the 1,000 runs exceeds this; the slack covers allocator
  // caches (glibc's per-thread tcache counts as in use).
  REQUIRE(growth < 256 * 1024);
  REQUIRE(engine.runIds().empty());
  REQUIRE(engine.snapshot()->runs.empty());
}

}  // namespace optiscope

#include "core/engine/pacer.h"

#include <catch2/catch.hpp>

namespace optiscope {
namespace {

using namespace std::chrono_literals;
using Clock = Pacer::Clock;

}  // namespace

TEST_CASE("pacer: ticks follow the speed on a fixed grid, the first one at once") {
  const Clock::time_point t0{};
  Pacer pacer;
  pacer.setSpeed(10.0, t0);  // one tick per 100 ms
  REQUIRE(pacer.due(t0) == 1);
  pacer.consume(1);
  REQUIRE(pacer.due(t0 + 99ms) == 0);
  REQUIRE(pacer.nextTickAt() == t0 + 100ms);
  REQUIRE(pacer.due(t0 + 100ms) == 1);
  pacer.consume(1);
  // A late worker gets every tick it missed (within the burst cap), none more.
  REQUIRE(pacer.due(t0 + 250ms) == 1);
  pacer.consume(1);
  REQUIRE(pacer.due(t0 + 299ms) == 0);
  REQUIRE(pacer.nextTickAt() == t0 + 300ms);
}

TEST_CASE("pacer: a long stall catches up at most 100 ms worth of ticks") {
  const Clock::time_point t0{};
  Pacer pacer;
  pacer.setSpeed(1000.0, t0);
  pacer.consume(pacer.due(t0));
  const long long due = pacer.due(t0 + 5s);
  REQUIRE(due == 100);
  pacer.consume(due);
  REQUIRE(pacer.due(t0 + 5s) == 0);
  REQUIRE(pacer.due(t0 + 5s + 62500us) == 62);  // 5.0625 s: exact in binary
}

TEST_CASE("pacer: restart forgets the past - unlimited speed is always due") {
  const Clock::time_point t0{};
  Pacer pacer;
  pacer.setSpeed(2.0, t0);
  pacer.consume(pacer.due(t0));
  pacer.restart(t0 + 10s);
  REQUIRE(pacer.due(t0 + 10s) == 1);
  pacer.setSpeed(Pacer::kUnlimited, t0);
  REQUIRE(pacer.unlimited());
  REQUIRE(pacer.due(t0) > 1'000'000'000);
}

}  // namespace optiscope

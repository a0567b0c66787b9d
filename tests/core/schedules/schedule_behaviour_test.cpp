// What the schedules promise beyond torch parity: restart on attach, clones that continue
// identically and independently, onecycle holding after its end, the derived defaults, and
// SpecErrors for optimizers a momentum-cycling schedule cannot drive.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec_error.h"
#include "support/reference_data.h"

namespace optiscope {
namespace {

struct Point {
  double lr, momentum;
  bool operator==(const Point&) const = default;
};

// A deterministic, bumpy loss so reduce_on_plateau both improves and stalls.
double metricAt(int k) { return 1.0 / (1.0 + 0.05 * k) + 0.05 * std::sin(0.9 * k); }

std::vector<Point> advance(Schedule& schedule, Optimizer& optimizer, int from, int count) {
  std::vector<Point> points;
  for (int k = from; k < from + count; ++k) {
    points.push_back({optimizer.lr(), optimizer.momentum()});
    schedule.step(optimizer, metricAt(k));
  }
  return points;
}

std::unique_ptr<Optimizer> sgdWithMomentum(double lr = 0.1) {
  auto optimizer = makeOptimizer("sgd:lr=" + std::to_string(lr) + ",momentum=0.9");
  optimizer->init(2);
  return optimizer;
}

// One spec per schedule, each chosen so that the lr keeps changing over 150 steps.
const std::vector<std::string> kChangingSchedules = {
    "constant:factor=0.5,total_iters=60",
    "step:step_size=20,gamma=0.5",
    "multistep:milestones=[10,40,40,90],gamma=0.5",
    "exponential:gamma=0.97",
    "cosine:t_max=30,eta_min=0.001",
    "cosine_restarts:t_0=11,t_mult=2,eta_min=0.001",
    "linear:start_factor=0.1,total_iters=80",
    "onecycle:total_steps=120,three_phase=true",
    "cyclic:step_size_up=15,step_size_down=25,mode=triangular2",
    "reduce_on_plateau:patience=3,cooldown=2,factor=0.5",
    "sequence:first=linear(start_factor=0.2,total_iters=20),then=cyclic(step_size_up=9),milestone="
    "30",
};

}  // namespace

TEST_CASE("constant with its defaults leaves the lr alone", "[schedule]") {
  auto optimizer = sgdWithMomentum(0.05);
  auto schedule = makeSchedule("constant");
  schedule->attach(*optimizer);
  for (const Point& p : advance(*schedule, *optimizer, 1, 200)) CHECK(p.lr == 0.05);
}

TEST_CASE("attaching again restarts the schedule", "[schedule]") {
  for (const std::string& spec : kChangingSchedules) {
    DYNAMIC_SECTION(spec) {
      auto optimizer = sgdWithMomentum();
      auto schedule = makeSchedule(spec);
      schedule->attach(*optimizer);
      const std::vector<Point> first = advance(*schedule, *optimizer, 1, 150);
      REQUIRE_FALSE(optimizer->lr() == first.front().lr);  // the schedule did move the lr
      schedule->attach(*optimizer);
      CHECK(advance(*schedule, *optimizer, 1, 150) == first);
    }
  }
}

TEST_CASE("a clone continues identically and independently", "[schedule]") {
  for (const std::string& spec : kChangingSchedules) {
    DYNAMIC_SECTION(spec) {
      auto original = sgdWithMomentum();
      auto schedule = makeSchedule(spec);
      schedule->attach(*original);
      advance(*schedule, *original, 1, 37);

      auto copiedOptimizer = original->clone();
      auto copiedSchedule = schedule->clone();
      REQUIRE(copiedSchedule->name() == schedule->name());
      // Interleaved, so any state the two shared would be advanced twice and show.
      for (int k = 38; k < 150; ++k) {
        CHECK(Point{copiedOptimizer->lr(), copiedOptimizer->momentum()} ==
              Point{original->lr(), original->momentum()});
        schedule->step(*original, metricAt(k));
        copiedSchedule->step(*copiedOptimizer, metricAt(k));
      }
    }
  }
}

TEST_CASE("onecycle holds its final lr and momentum after total_steps", "[schedule]") {
  auto optimizer = sgdWithMomentum();
  auto schedule = makeSchedule("onecycle:max_lr=0.4,total_steps=20");
  schedule->attach(*optimizer);
  const std::vector<Point> cycle = advance(*schedule, *optimizer, 0, 20);
  // After 19 steps the cycle is at its end: initial_lr/final_div_factor, max_momentum.
  CHECK(testing::relativeDifference(cycle.back().lr, 0.4 / 25.0 / 1e4) < 1e-12);
  CHECK(testing::relativeDifference(cycle.back().momentum, 0.95) < 1e-12);
  // torch computes one more value (k = total_steps) and then raises; we hold that value.
  const Point last{optimizer->lr(), optimizer->momentum()};
  REQUIRE(std::isfinite(last.lr));
  REQUIRE_NOTHROW(advance(*schedule, *optimizer, 21, 50));
  CHECK(Point{optimizer->lr(), optimizer->momentum()} == last);
}

TEST_CASE("onecycle and cyclic derive their lrs from the optimizer's when set to 0", "[schedule]") {
  SECTION("onecycle peaks at the configured lr") {
    auto optimizer = sgdWithMomentum(0.2);
    auto schedule = makeSchedule("onecycle:total_steps=100");
    schedule->attach(*optimizer);
    CHECK(testing::relativeDifference(optimizer->lr(), 0.2 / 25.0) < 1e-15);
    const std::vector<Point> points = advance(*schedule, *optimizer, 0, 100);
    const auto peak = std::max_element(points.begin(), points.end(),
                                       [](const Point& a, const Point& b) { return a.lr < b.lr; });
    CHECK(testing::relativeDifference(peak->lr, 0.2) < 1e-12);
  }
  SECTION("cyclic runs from lr/10 up to lr") {
    auto optimizer = sgdWithMomentum(0.2);
    auto schedule = makeSchedule("cyclic:step_size_up=10");
    schedule->attach(*optimizer);
    const std::vector<Point> points = advance(*schedule, *optimizer, 0, 21);
    CHECK(testing::relativeDifference(points[0].lr, 0.02) < 1e-15);
    CHECK(testing::relativeDifference(points[10].lr, 0.2) < 1e-15);
    CHECK(testing::relativeDifference(points[20].lr, 0.02) < 1e-15);
    CHECK(points[10].momentum == 0.8);
  }
}

TEST_CASE("momentum cycling needs a momentum the optimizer has", "[schedule]") {
  using Catch::Contains;
  auto adagrad = makeOptimizer("adagrad");
  auto adam = makeOptimizer("adam:lr=0.01");
  CHECK_THROWS_WITH(makeSchedule("onecycle")->attach(*adagrad),
                    Contains("onecycle") && Contains("cycle_momentum=false"));
  CHECK_THROWS_WITH(makeSchedule("cyclic")->attach(*adam),
                    Contains("cyclic") && Contains("cycle_momentum=false"));
  CHECK_THROWS_WITH(makeSchedule("sequence:first=linear,then=cyclic")->attach(*adam),
                    Contains("cycle_momentum=false"));
  CHECK_NOTHROW(makeSchedule("onecycle:cycle_momentum=false")->attach(*adagrad));
  CHECK_NOTHROW(makeSchedule("cyclic:cycle_momentum=false")->attach(*adam));

  // The Adam family cycles beta1, as torch's OneCycleLR does with betas[0].
  makeSchedule("onecycle:max_momentum=0.93,base_momentum=0.5")->attach(*adam);
  CHECK(testing::relativeDifference(adam->momentum(), 0.93) < 1e-15);
}

}  // namespace optiscope

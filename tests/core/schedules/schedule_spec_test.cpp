// Schedule specs: every name works alone, canonical specs read back identically, and every bad
// input is a SpecError whose message names the offending key.
#include <catch2/catch.hpp>
#include <string>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

std::string errorOf(const std::string& spec) {
  try {
    parseScheduleSpec(spec);
  } catch (const SpecError& error) {
    return error.what();
  }
  return "no error for '" + spec + "'";
}

}  // namespace

TEST_CASE("every schedule parses from its name alone and round-trips", "[schedule][spec]") {
  REQUIRE(scheduleCatalog().size() == 11);
  for (const auto& info : scheduleCatalog()) {
    DYNAMIC_SECTION(info.name) {
      const ScheduleConfig config = parseScheduleSpec(info.name);
      CHECK(config.name == info.name);
      CHECK(parseScheduleSpec(config.spec()) == config);
      for (const auto& param : info.params) {
        CHECK_FALSE(param.help.empty());
        CHECK(config.spec().find(param.name + "=") != std::string::npos);
      }
      CHECK(makeSchedule(config)->name() == info.name);
    }
  }
}

TEST_CASE("nested schedules are stored with every key", "[schedule][spec]") {
  const ScheduleConfig config = parseScheduleSpec("sequence:first=linear(total_iters=10)");
  const std::string spec = config.spec();
  CHECK(spec.find("first=linear(start_factor=") != std::string::npos);
  CHECK(spec.find("total_iters=10)") != std::string::npos);
  CHECK(spec.find("then=cosine(t_max=100,eta_min=0)") != std::string::npos);
  CHECK(parseScheduleSpec(spec) == config);
  CHECK(config.values.text("first").rfind("linear:", 0) == 0);
}

TEST_CASE("invalid schedule values name the key", "[schedule][spec]") {
  using Catch::Contains;
  CHECK_THAT(errorOf("step:step_size=0"), Contains("step_size"));
  CHECK_THAT(errorOf("step:gamma=-1"), Contains("gamma"));
  CHECK_THAT(errorOf("exponential:gamma=-1"), Contains("gamma"));
  CHECK_THAT(errorOf("multistep:gamma=0"), Contains("gamma"));
  CHECK_THAT(errorOf("multistep:milestones=[a]"), Contains("milestones"));
  CHECK_THAT(errorOf("multistep:milestones=[10,-5]"), Contains("milestones"));
  CHECK_THAT(errorOf("multistep:milestones=[12.5]"), Contains("milestones"));
  CHECK_THAT(errorOf("cyclic:mode=sideways"), Contains("mode") && Contains("triangular2"));
  CHECK_THAT(errorOf("reduce_on_plateau:mode=sideways"), Contains("mode"));
  CHECK_THAT(errorOf("reduce_on_plateau:threshold_mode=up"), Contains("threshold_mode"));
  CHECK_THAT(errorOf("reduce_on_plateau:factor=1"), Contains("factor"));
  CHECK_THAT(errorOf("onecycle:anneal_strategy=square"), Contains("anneal_strategy"));
  CHECK_THAT(errorOf("onecycle:pct_start=1.5"), Contains("pct_start"));
  CHECK_THAT(errorOf("onecycle:total_steps=10,pct_start=0.1"), Contains("pct_start"));
  CHECK_THAT(errorOf("onecycle:base_momentum=1"), Contains("base_momentum"));
  CHECK_THAT(errorOf("cosine:t_max=0"), Contains("t_max"));
  CHECK_THAT(errorOf("cosine_restarts:t_mult=0"), Contains("t_mult"));
  CHECK_THAT(errorOf("linear:start_factor=0"), Contains("start_factor"));
  CHECK_THAT(errorOf("constant:factor=2"), Contains("factor"));
  CHECK_THAT(errorOf("step:stepsize=3"), Contains("stepsize") && Contains("step_size"));
  CHECK_THAT(errorOf("cosine:t_max=ten"), Contains("t_max"));
  CHECK_THAT(errorOf("warmup"), Contains("unknown schedule 'warmup'"));
}

TEST_CASE("a sequence names the member whose spec is bad", "[schedule][spec]") {
  using Catch::Contains;
  CHECK_THAT(errorOf("sequence:first=linear(start_factor=7)"),
             Contains("first") && Contains("start_factor"));
  CHECK_THAT(errorOf("sequence:then=bogus"), Contains("then") && Contains("unknown schedule"));
  CHECK_THAT(errorOf("sequence:then=cosine(t_max=0)"), Contains("then") && Contains("t_max"));
  CHECK_THAT(errorOf("sequence:first=step(gamma=x)"), Contains("first") && Contains("gamma"));
  CHECK_THAT(errorOf("sequence:milestone=-1"), Contains("milestone"));
  CHECK_THAT(errorOf("sequence:first=reduce_on_plateau"),
             Contains("first") && Contains("reduce_on_plateau"));
  CHECK_THAT(errorOf("sequence:then=reduce_on_plateau"),
             Contains("then") && Contains("reduce_on_plateau"));
  CHECK_THAT(errorOf("sequence:then=sequence"), Contains("then") && Contains("nested"));
  CHECK_THAT(errorOf("sequence:first=sequence(then=step(step_size=0))"),
             Contains("first") && Contains("then") && Contains("step_size"));
  CHECK_NOTHROW(parseScheduleSpec("sequence:first=sequence(milestone=3),milestone=8"));
}

}  // namespace optiscope

TEST_CASE("a default-constructed schedule config means no schedule") {
  const optiscope::ScheduleConfig none;
  CHECK(none == optiscope::parseScheduleSpec("constant"));
  auto optimizer = optiscope::makeOptimizer("sgd:lr=0.25");
  optimizer->init(2);
  auto schedule = optiscope::makeSchedule(none);
  schedule->attach(*optimizer);
  for (int k = 0; k < 10; ++k) schedule->step(*optimizer, 0.0);
  CHECK(optimizer->lr() == 0.25);
}

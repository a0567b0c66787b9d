// A chain's step() allocates nothing, whatever its blocks and their options (the catalog-wide
// test in no_allocation_test.cpp only sees the chain's own keys, not its blocks').
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/optim/optimizer_test_helpers.h"
#include "core/optim/registry.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

TEST_CASE("step() and effectiveLr() of chains allocate nothing, for every block and option") {
  const std::vector<std::string> chains = {
      "chain:blocks=[clip(max_delta=0.5),clip_by_global_norm(max_norm=0.1),"
      "add_decayed_weights(weight_decay=0.01),trace(decay=0.9,nesterov=true),"
      "scale_by_rss,scale_by_sign,scale_by_learning_rate(lr=0.01)],maximize=true",
      "chain:blocks=[scale_by_rms(centered=true,bias_correction=true),trace,"
      "scale_by_schedule(schedule=sequence(first=linear(start_factor=0.1,total_iters=10),"
      "then=cosine(t_max=90),milestone=10)),scale_by_learning_rate]",
      "chain:blocks=[scale_by_rms(eps_in_sqrt=false),scale_by_adam(amsgrad=true),"
      "scale_by_belief(bias_correction=false),scale_by_schedule(schedule=onecycle(max_lr=1,"
      "total_steps=200,cycle_momentum=false)),scale_by_schedule(schedule=cyclic(base_lr=0.1,"
      "max_lr=1,step_size_up=5,cycle_momentum=false))]",
      "chain:blocks=[scale_by_adam(bias_correction=false),scale_by_rss(eps_in_sqrt=false),"
      "scale_by_schedule(schedule=cosine_restarts(t_0=7)),scale_by_learning_rate(lr=0.1)]",
  };
  constexpr Eigen::Index n = 7;
  for (const std::string& spec : chains) {
    INFO(spec);
    auto chain = makeOptimizer(spec);
    chain->init(n);
    Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0);
    std::vector<Eigen::VectorXd> grads;
    for (int k = 0; k <= 100; ++k) grads.push_back(wavyGradient(n, k));
    chain->step(p, grads[0]);
    double etaRead = 0.0;
    std::size_t allocations = 0;
    {
      AllocationCountingScope scope;
      Eigen::internal::set_is_malloc_allowed(false);
      for (int k = 1; k <= 100; ++k) {
        chain->step(p, grads[k]);
        if (k % 3 == 0) etaRead += chain->effectiveLr()[0];
      }
      Eigen::internal::set_is_malloc_allowed(true);
      allocations = scope.allocations();
    }
    CHECK(allocations == 0);
    CHECK(p.allFinite());
    CHECK(std::isfinite(etaRead));
  }
}

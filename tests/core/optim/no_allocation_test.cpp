// step() must allocate nothing (DESIGN.md): the engine steps many runs per frame. Every
// optimizer in the catalog is checked, including ones registered after this test was written.
#include <Eigen/Core>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "core/optim/registry.h"
#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

// A spread of configurations derived from the optimizer's own table, so that every branch
// a flag or a non-zero coefficient opens is exercised: the defaults, each boolean flipped,
// each choice value, each zero-default number made non-zero, and everything at once.
std::vector<OptimizerConfig> configurationsOf(const OptimizerInfo& info) {
  std::vector<std::vector<std::pair<std::string, std::string>>> candidates{{}};
  std::vector<std::pair<std::string, std::string>> everything;
  for (const ParamInfo& param : info.params) {
    if (param.kind == ParamKind::Bool) {
      const std::pair<std::string, std::string> flipped{
          param.name, param.defaultValue != 0.0 ? "false" : "true"};
      candidates.push_back({flipped});
      everything.push_back(flipped);
    } else if (param.kind == ParamKind::Choice) {
      for (const std::string& choice : param.choices) candidates.push_back({{param.name, choice}});
    } else if (param.kind == ParamKind::Real && param.defaultValue == 0.0 && param.max > 0.1) {
      const std::pair<std::string, std::string> nonZero{param.name, "0.1"};
      candidates.push_back({nonZero});
      everything.push_back(nonZero);
    }
  }
  candidates.push_back(everything);
  // nesterov is only valid with momentum on and dampening at its default 0.
  auto withMomentum = everything;
  std::erase_if(withMomentum, [](const auto& change) { return change.first == "dampening"; });
  candidates.push_back(withMomentum);

  std::vector<OptimizerConfig> configs;
  for (const auto& changes : candidates) {
    try {
      OptimizerConfig config = withChanges(parseOptimizerSpec(info.name), changes);
      if (std::find(configs.begin(), configs.end(), config) == configs.end())
        configs.push_back(std::move(config));
    } catch (const SpecError&) {
      // A combination the optimizer rejects (e.g. nesterov without momentum) is not a config.
    }
  }
  return configs;
}

// Deterministic gradients with mixed signs and magnitudes, allocated before counting.
std::vector<Eigen::VectorXd> gradientSequence(Eigen::Index n, int steps) {
  std::vector<Eigen::VectorXd> grads;
  for (int k = 0; k < steps; ++k) {
    Eigen::VectorXd g(n);
    for (Eigen::Index i = 0; i < n; ++i) g[i] = std::sin(1.3 * k + 0.7 * i) * (1.0 + i);
    grads.push_back(std::move(g));
  }
  return grads;
}

}  // namespace

TEST_CASE("the allocation counter sees operator new and Eigen allocations") {
  AllocationCountingScope scope;
  // A direct call: new-expressions may legally be elided by the optimizer.
  void* block = ::operator new(64);
  ::operator delete(block);
  const std::size_t afterNew = scope.allocations();
  CHECK(afterNew > 0);
  if (countsMalloc()) {
    Eigen::VectorXd v = Eigen::VectorXd::Zero(1000);
    CHECK(v.sum() == 0.0);
    CHECK(scope.allocations() > afterNew);
  } else {
    WARN("sanitizer build: Eigen's malloc calls are not counted");
  }
}

TEST_CASE("step() and effectiveLr() allocate nothing for any optimizer and option combination") {
  constexpr Eigen::Index n = 7;  // odd: no size is special for vectorised paths
  constexpr int steps = 100;
  const std::vector<Eigen::VectorXd> grads = gradientSequence(n, steps + 1);
  for (const OptimizerInfo& info : optimizerCatalog()) {
    const std::vector<OptimizerConfig> configs = configurationsOf(info);
    INFO("optimizer " << info.name);
    CHECK(configs.size() >= 2);
    for (const OptimizerConfig& config : configs) {
      INFO("config " << config.spec());
      auto optimizer = makeOptimizer(config);
      optimizer->init(n);
      Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(n, -1.0, 1.0);
      optimizer->step(p, grads[0]);  // warm-up: lazily created state would show here

      std::size_t allocations = 0;
      double etaRead = 0.0;
      {
        AllocationCountingScope scope;
        Eigen::internal::set_is_malloc_allowed(false);
        for (int k = 1; k <= steps; ++k) {
          optimizer->step(p, grads[k]);
          // η_eff is computed on demand into a buffer sized at init(): reading it is free too.
          if (k % 3 == 0) etaRead += optimizer->effectiveLr()[0];
        }
        Eigen::internal::set_is_malloc_allowed(true);
        allocations = scope.allocations();
      }
      CHECK(allocations == 0);
      CHECK(p.allFinite());
      CHECK(!std::isnan(etaRead));
    }
  }
}

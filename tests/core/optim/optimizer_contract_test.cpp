// Interface promises every optimizer in the catalog keeps, including ones added later.
#include <catch2/catch.hpp>
#include <set>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr Eigen::Index kSize = 5;

Eigen::VectorXd startPoint() { return Eigen::VectorXd::LinSpaced(kSize, -0.8, 1.2); }

void run(Optimizer& optimizer, Eigen::VectorXd& p, int firstStep, int count) {
  for (int k = firstStep; k < firstStep + count; ++k) optimizer.step(p, wavyGradient(kSize, k));
}

// Every coefficient that defaults to 0 (lr_decay, weight_decay, momentum, ...) set to 0.1, so
// that the state it drives (e.g. adagrad's step counter via lr_decay) influences the result.
std::string busySpec(const OptimizerInfo& info) {
  std::string spec = info.name;
  char separator = ':';
  for (const ParamInfo& param : info.params) {
    if (param.kind != ParamKind::Real || param.defaultValue != 0.0 || param.max <= 0.1) continue;
    spec += separator + param.name + "=0.1";
    separator = ',';
  }
  return spec;
}

bool sameState(const Optimizer& a, const Optimizer& b) {
  const auto sa = a.state(), sb = b.state();
  if (sa.size() != sb.size()) return false;
  for (size_t i = 0; i < sa.size(); ++i)
    if (sa[i].name != sb[i].name || *sa[i].values != *sb[i].values) return false;
  return true;
}

}  // namespace

TEST_CASE("effective lr is NaN before the first step and finite after it") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << info.name);
    auto optimizer = makeOptimizer(info.name);
    optimizer->init(kSize);
    REQUIRE(optimizer->effectiveLr().size() == kSize);
    CHECK(optimizer->effectiveLr().array().isNaN().all());
    CHECK(optimizer->steps() == 0);
    Eigen::VectorXd p = startPoint();
    run(*optimizer, p, 0, 1);
    CHECK(optimizer->effectiveLr().allFinite());
    CHECK(optimizer->steps() == 1);
    CHECK_FALSE(optimizer->effectiveLrTarget().empty());
  }
}

TEST_CASE("state vectors are named, distinct and sized like the parameters") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << info.name);
    auto optimizer = makeOptimizer(info.name);
    optimizer->init(kSize);
    std::set<std::string_view> names;
    for (const StateView& view : optimizer->state()) {
      CHECK_FALSE(view.name.empty());
      CHECK(names.insert(view.name).second);
      CHECK(view.values->size() == kSize);
    }
  }
}

TEST_CASE("a clone carries the state and continues identically and independently") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << info.name);
    auto original = makeOptimizer(info.name);
    original->init(kSize);
    Eigen::VectorXd p = startPoint();
    run(*original, p, 0, 6);

    auto copy = original->clone();
    CHECK(copy->name() == original->name());
    CHECK(copy->steps() == original->steps());
    CHECK(sameState(*original, *copy));
    Eigen::VectorXd q = p;
    run(*original, p, 6, 10);
    run(*copy, q, 6, 10);
    CHECK(p == q);  // bitwise
    CHECK(sameState(*original, *copy));
    CHECK(original->effectiveLr() == copy->effectiveLr());

    auto snapshot = original->clone();
    run(*copy, q, 16, 3);  // stepping the clone must not touch the original
    CHECK(original->steps() == 16);
    CHECK(copy->steps() == 19);
    CHECK(sameState(*original, *snapshot));
    CHECK(original->effectiveLr() == snapshot->effectiveLr());
  }
}

TEST_CASE("init() starts over: a reused optimizer repeats a fresh one's trajectory") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << busySpec(info));
    auto reused = makeOptimizer(busySpec(info));
    reused->init(kSize);
    Eigen::VectorXd p = startPoint();
    run(*reused, p, 0, 7);
    reused->init(kSize);
    CHECK(reused->steps() == 0);
    CHECK(reused->effectiveLr().array().isNaN().all());

    auto fresh = makeOptimizer(busySpec(info));
    fresh->init(kSize);
    Eigen::VectorXd q = startPoint();
    p = startPoint();
    run(*reused, p, 0, 7);
    run(*fresh, q, 0, 7);
    CHECK(p == q);  // step counters and accumulators were reset too
    CHECK(sameState(*reused, *fresh));
  }
}

TEST_CASE("setHyperparameters keeps the state and the step count") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << info.name);
    auto reapplied = makeOptimizer(info.name);
    auto untouched = makeOptimizer(info.name);
    reapplied->init(kSize);
    untouched->init(kSize);
    Eigen::VectorXd p = startPoint(), q = startPoint();
    run(*reapplied, p, 0, 5);
    run(*untouched, q, 0, 5);
    reapplied->setHyperparameters(reapplied->hyperparameters());
    CHECK(reapplied->steps() == 5);
    CHECK(sameState(*reapplied, *untouched));
    run(*reapplied, p, 5, 5);
    run(*untouched, q, 5, 5);
    CHECK(p == q);  // a reset would restart bias corrections and accumulators
  }
}

TEST_CASE("a new lr through setHyperparameters acts like setLr from the next step") {
  for (const char* name : {"sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax"}) {
    INFO("optimizer " << name);
    auto viaConfig = makeOptimizer(name);
    auto viaSetLr = makeOptimizer(name);
    viaConfig->init(kSize);
    viaSetLr->init(kSize);
    Eigen::VectorXd p = startPoint(), q = startPoint();
    run(*viaConfig, p, 0, 4);
    run(*viaSetLr, q, 0, 4);
    const OptimizerConfig changed = withChanges(
        OptimizerConfig{std::string(name), viaConfig->hyperparameters()}, {{"lr", "0.0375"}});
    viaConfig->setHyperparameters(changed.values);
    viaSetLr->setLr(0.0375);
    CHECK(viaConfig->lr() == 0.0375);
    run(*viaConfig, p, 4, 4);
    run(*viaSetLr, q, 4, 4);
    CHECK(p == q);
  }
}

TEST_CASE("maximize with g equals minimizing with -g, bit for bit") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    bool hasMaximize = false, hasDecay = false;
    for (const ParamInfo& param : info.params) {
      hasMaximize |= param.name == "maximize";
      hasDecay |= param.name == "weight_decay";
    }
    if (!hasMaximize) continue;
    INFO("optimizer " << info.name);
    // With weight decay on: it must pull towards 0 in both cases (the sign flips first).
    const std::string decay = hasDecay ? ",weight_decay=0.1" : "";
    auto ascending = makeOptimizer(info.name + ":maximize=true" + decay);
    auto descending = makeOptimizer(info.name + ":maximize=false" + decay);
    ascending->init(kSize);
    descending->init(kSize);
    Eigen::VectorXd p = startPoint(), q = startPoint();
    for (int k = 0; k < 12; ++k) {
      const Eigen::VectorXd g = wavyGradient(kSize, k);
      ascending->step(p, g);
      descending->step(q, -g);
    }
    CHECK(p == q);
    CHECK(p != startPoint());
  }
}

TEST_CASE("setMomentum drives the hyperparameter a cycling schedule names") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    auto probe = makeOptimizer(info.name);
    if (probe->momentumKind() == MomentumKind::None) continue;
    const std::string key = probe->momentumKind() == MomentumKind::Beta1 ? "beta1" : "momentum";
    INFO("optimizer " << info.name << ", key " << key);
    auto configured = makeOptimizer(info.name + ":" + key + "=0.5");
    CHECK(configured->momentum() == 0.5);
    CHECK(probe->momentum() == parseOptimizerSpec(info.name).values.real(key));
    probe->setMomentum(0.5);
    CHECK(probe->momentum() == 0.5);
    probe->init(kSize);
    configured->init(kSize);
    Eigen::VectorXd p = startPoint(), q = startPoint();
    run(*probe, p, 0, 8);
    run(*configured, q, 0, 8);
    CHECK(p == q);
  }
}

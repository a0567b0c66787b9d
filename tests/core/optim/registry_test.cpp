#include "core/optim/registry.h"

#include <catch2/catch.hpp>
#include <map>

#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

// Defaults copied from the torch 1.13.1 signatures (torch/optim/*.py), tuples split into our
// keys. SGD's lr is required in torch; 0.01 is our choice and is checked as such.
const std::map<std::string, std::map<std::string, double>>& torchDefaults() {
  static const std::map<std::string, std::map<std::string, double>> table = {
      {"sgd",
       {{"lr", 0.01},
        {"momentum", 0},
        {"dampening", 0},
        {"weight_decay", 0},
        {"nesterov", 0},
        {"maximize", 0}}},
      {"adagrad",
       {{"lr", 1e-2},
        {"lr_decay", 0},
        {"weight_decay", 0},
        {"initial_accumulator_value", 0},
        {"eps", 1e-10},
        {"maximize", 0}}},
      {"rmsprop",
       {{"lr", 1e-2},
        {"alpha", 0.99},
        {"eps", 1e-8},
        {"weight_decay", 0},
        {"momentum", 0},
        {"centered", 0},
        {"maximize", 0}}},
      {"adadelta",
       {{"lr", 1.0}, {"rho", 0.9}, {"eps", 1e-6}, {"weight_decay", 0}, {"maximize", 0}}},
      {"adam",
       {{"lr", 1e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"weight_decay", 0},
        {"amsgrad", 0},
        {"maximize", 0}}},
      {"adamw",
       {{"lr", 1e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"weight_decay", 1e-2},
        {"amsgrad", 0},
        {"maximize", 0}}},
      {"adamax",
       {{"lr", 2e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"weight_decay", 0},
        {"maximize", 0}}},
      {"nadam",
       {{"lr", 2e-3},
        {"beta1", 0.9},
        {"beta2", 0.999},
        {"eps", 1e-8},
        {"weight_decay", 0},
        {"momentum_decay", 4e-3}}},
      {"radam",
       {{"lr", 1e-3}, {"beta1", 0.9}, {"beta2", 0.999}, {"eps", 1e-8}, {"weight_decay", 0}}},
      {"asgd",
       {{"lr", 1e-2},
        {"lambd", 1e-4},
        {"alpha", 0.75},
        {"t0", 1e6},
        {"weight_decay", 0},
        {"maximize", 0}}},
      {"rprop",
       {{"lr", 1e-2},
        {"eta_minus", 0.5},
        {"eta_plus", 1.2},
        {"step_min", 1e-6},
        {"step_max", 50},
        {"maximize", 0}}},
  };
  return table;
}

bool hasParam(const OptimizerInfo& info, const std::string& key) {
  for (const ParamInfo& p : info.params)
    if (p.name == key) return true;
  return false;
}

}  // namespace

TEST_CASE("every torch optimizer is registered with torch 1.13's defaults") {
  for (const auto& [name, defaults] : torchDefaults()) {
    INFO("optimizer " << name);
    const OptimizerInfo& info = findOptimizer(name);
    const OptimizerConfig config = parseOptimizerSpec(name);
    for (const auto& [key, value] : defaults) {
      INFO("key " << key);
      REQUIRE(hasParam(info, key));
      CHECK(config.values.real(key) == value);
    }
  }
}

TEST_CASE("part A optimizers have exactly torch's keys, nothing more") {
  for (const char* name : {"sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax"}) {
    INFO("optimizer " << name);
    const OptimizerInfo& info = findOptimizer(name);
    CHECK(info.params.size() == torchDefaults().at(name).size());
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.paper.empty());
  }
}

TEST_CASE("catalog lists the classic adaptive story in order") {
  const std::vector<std::string> expected{"sgd",  "adagrad", "rmsprop", "adadelta",
                                          "adam", "adamw",   "adamax"};
  const auto& catalog = optimizerCatalog();
  REQUIRE(catalog.size() >= expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(catalog[i].name == expected[i]);
}

TEST_CASE("specs parse into validated configurations") {
  const OptimizerConfig config = parseOptimizerSpec("adam:lr=0.05, amsgrad=true,beta2=0.99");
  CHECK(config.name == "adam");
  CHECK(config.values.real("lr") == 0.05);
  CHECK(config.values.flag("amsgrad"));
  CHECK(config.values.real("beta2") == 0.99);
  CHECK(config.values.real("beta1") == 0.9);  // untouched keys keep torch's default

  const OptimizerConfig changed = withChanges(config, {{"weight_decay", "0.1"}});
  CHECK(changed.values.real("weight_decay") == 0.1);
  CHECK(changed.values.real("lr") == 0.05);

  auto optimizer = makeOptimizer("rmsprop:momentum=0.9,centered=true");
  CHECK(optimizer->name() == "rmsprop");
  CHECK(optimizer->lr() == 1e-2);
  CHECK(optimizer->momentum() == 0.9);
}

TEST_CASE("canonical specs round-trip for every optimizer") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO("optimizer " << info.name);
    const OptimizerConfig defaults = parseOptimizerSpec(info.name);
    const std::string spec = defaults.spec();
    CHECK(spec.rfind(info.name + ":", 0) == 0);
    for (const ParamInfo& p : info.params) CHECK(spec.find(p.name + "=") != std::string::npos);
    CHECK(parseOptimizerSpec(spec) == defaults);

    // A non-default value that needs all 17 digits must survive the text form exactly.
    const OptimizerConfig odd = withChanges(defaults, {{"lr", "0.1234567890123456789"}});
    const OptimizerConfig back = parseOptimizerSpec(odd.spec());
    CHECK(back == odd);
    CHECK(back.values.real("lr") == 0.1234567890123456789);
  }
}

TEST_CASE("bad optimizer specs give an error naming the bad piece") {
  using Catch::Contains;
  CHECK_THROWS_WITH(parseOptimizerSpec("adamm:lr=0.1"),
                    Contains("unknown optimizer 'adamm'") && Contains("available: sgd, adagrad"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adam:lr=0.1,foo=1"),
                    Contains("unknown key 'foo'") && Contains("beta1"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adam:lr=-1"), Contains("lr must be >= 0, got -1"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adam:beta1=1"), Contains("beta1 must be in [0, 1), got 1"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adamw:beta2=-0.1"), Contains("beta2 must be in [0, 1)"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adagrad:eps=0"), Contains("eps must be > 0, got 0"));
  CHECK_THROWS_WITH(parseOptimizerSpec("sgd:nesterov=true"),
                    Contains("nesterov requires momentum > 0"));
  CHECK_THROWS_WITH(parseOptimizerSpec("sgd:momentum=0.9,dampening=0.1,nesterov=true"),
                    Contains("dampening = 0"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adam:lr=abc"), Contains("lr: 'abc' is not a number"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adam:amsgrad=maybe"),
                    Contains("amsgrad: 'maybe' is not a boolean"));
  CHECK_THROWS_WITH(parseOptimizerSpec("rmsprop:alpha=1"), Contains("alpha must be in [0, 1)"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adadelta:rho=1.5"), Contains("rho must be in [0, 1]"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adagrad:lr_decay=-1"), Contains("lr_decay must be >= 0"));
  CHECK_THROWS_WITH(parseOptimizerSpec("adagrad:initial_accumulator_value=-1"),
                    Contains("initial_accumulator_value must be >= 0"));
  CHECK_THROWS_WITH(parseOptimizerSpec("rmsprop:momentum=-0.5"), Contains("momentum must be >= 0"));
  CHECK_THROWS_AS(
      withChanges(parseOptimizerSpec("sgd:momentum=0.9,nesterov=true"), {{"momentum", "0"}}),
      SpecError);
  CHECK(parseOptimizerSpec("adadelta:rho=1").values.real("rho") == 1.0);  // torch allows ρ = 1
}

TEST_CASE("shared ranges hold for every optimizer that has the key") {
  // Bounds torch 1.13 enforces (eps is tightened to > 0: eps = 0 divides by zero). The beta
  // bounds are torch's rule; optimizers from outside torch follow their own references.
  const std::vector<std::pair<std::string, std::string>> rejected{
      {"lr", "-1"},   {"eps", "0"},   {"eps", "-1e-8"},  {"weight_decay", "-0.1"},
      {"beta1", "1"}, {"beta2", "1"}, {"beta1", "-0.1"}, {"momentum", "-0.1"}};
  for (const OptimizerInfo& info : optimizerCatalog()) {
    const bool fromTorch = torchDefaults().count(info.name) > 0;
    for (const auto& [key, value] : rejected) {
      if (!hasParam(info, key)) continue;
      if (key.rfind("beta", 0) == 0 && !fromTorch) continue;
      INFO(info.name << ":" << key << "=" << value);
      CHECK_THROWS_WITH(parseOptimizerSpec(info.name + ":" + key + "=" + value),
                        Catch::Contains(info.name + ": " + key + " must be"));
    }
  }
}

// Optimizer::elementwise() is a promise that core/analysis relies on to step many runs as one
// vector: stepping two parameter vectors stacked into one must give, bit for bit, what each
// gives alone. Checked for every optimizer that makes the promise, with its options on.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/optim/registry.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;

namespace {

// Options that add per-element work (weight decay, momentum, AMSGrad, centering, ...).
const std::vector<std::string> kSpecs = {
    "sgd:lr=0.01,momentum=0.9,nesterov=true,weight_decay=0.1",
    "sgd:lr=0.01,momentum=0.8,dampening=0.3,maximize=true",
    "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,weight_decay=0.05",
    "rmsprop:lr=0.01,momentum=0.5,centered=true,weight_decay=0.1",
    "adadelta:lr=1,rho=0.9,weight_decay=0.1",
    "adam:lr=0.05,amsgrad=true,weight_decay=0.01",
    "adamw:lr=0.05,weight_decay=0.1,amsgrad=true",
    "adamax:lr=0.05,weight_decay=0.1",
    "nadam:lr=0.05,momentum_decay=0.01,weight_decay=0.1",
    "nadam:lr=0.05,fixed=true",
    "radam:lr=0.01,weight_decay=0.1",
    "asgd:lr=0.01,t0=5,weight_decay=0.1",
    "rprop:lr=0.01",
    "lion:lr=0.01,weight_decay=0.1",
    "adabelief:lr=0.05,amsgrad=true",
    "yogi:lr=0.05",
    "adabound:lr=0.05,amsbound=true",
    "chain:blocks=[add_decayed_weights(weight_decay=0.01),trace(decay=0.9,nesterov=true),"
    "scale_by_adam(amsgrad=true),scale_by_schedule(schedule=cosine(t_max=30)),"
    "scale_by_learning_rate(lr=0.05)]",
};

Eigen::VectorXd startOf(Eigen::Index n, double shift) {
  Eigen::VectorXd p(n);
  for (Eigen::Index i = 0; i < n; ++i) p[i] = std::cos(1.3 * i + shift) * (1.0 + i);
  return p;
}

}  // namespace

TEST_CASE("every elementwise optimizer steps a stacked vector as its parts alone, bit for bit") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    if (!info.create()->elementwise()) continue;
    bool tested = false;
    for (const std::string& spec : kSpecs) {
      if (parseOptimizerSpec(spec).name != info.name) continue;
      tested = true;
      INFO(spec);
      auto stacked = makeOptimizer(spec), first = makeOptimizer(spec), second = makeOptimizer(spec);
      stacked->init(7);
      first->init(3);
      second->init(4);
      Eigen::VectorXd a = startOf(3, 0.0), b = startOf(4, 2.0), ab(7);
      ab << a, b;
      for (int k = 1; k <= 40; ++k) {
        // Gradients that differ between the parts, and a rate that changes as a schedule would.
        const Eigen::VectorXd ga = testing::wavyGradient(3, k),
                              gb = -2.0 * testing::wavyGradient(4, k + 7);
        Eigen::VectorXd gab(7);
        gab << ga, gb;
        for (auto* o : {stacked.get(), first.get(), second.get()}) o->setLr(o->lr() * 0.99);
        stacked->step(ab, gab);
        first->step(a, ga);
        second->step(b, gb);
        for (int i = 0; i < 3; ++i) REQUIRE(ab[i] == a[i]);
        for (int i = 0; i < 4; ++i) REQUIRE(ab[3 + i] == b[i]);
      }
    }
    CHECK(tested);  // an optimizer claiming elementwise() gets a spec above
  }
}

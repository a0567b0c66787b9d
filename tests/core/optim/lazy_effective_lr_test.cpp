// effectiveLr() is computed on demand from the state and the scalars the last step captured
// (Optimizer::computeEffectiveLr). Two properties, bit for bit, for the whole catalog:
//  - it is the η_eff formula of OPTIMIZERS.md evaluated on the state after the step, with the
//    hyperparameters of that step, in the operation order of the update;
//  - it describes the LAST step even when lr, hyperparameters or momentum change before it is
//    read, and whether it is read once, twice, from a clone, or not at all for several steps.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/optim/registry.h"
#include "core/util/spec_error.h"
#include "optimizer_test_helpers.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

constexpr Eigen::Index kSize = 9;  // odd, and longer than one AVX-512 vector
constexpr int kSteps = 8;

bool sameBits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  return true;
}

// What a formula may need besides the optimizer: the step number t (1-based) and, for
// Adadelta, u before the step.
struct StepContext {
  int t;
  Eigen::VectorXd uBefore;
};

using Formula = std::function<Eigen::VectorXd(const Optimizer&, const StepContext&)>;

double real(const Optimizer& o, const char* name) { return o.hyperparameters().real(name); }

// elementwise f(x) over a state vector, as a scalar loop (no Eigen expression templates, so
// the operation order is exactly the one written).
template <class F>
Eigen::VectorXd map(const Eigen::VectorXd& x, F f) {
  Eigen::VectorXd out(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) out[i] = f(x[i], i);
  return out;
}

Eigen::VectorXd constant(double value) { return Eigen::VectorXd::Constant(kSize, value); }

// lr/(sqrt(second)/sqrt(1−β2^t) + eps): Adam, AdamW, Yogi, unrectified AdaBelief.
Eigen::VectorXd adamRate(const Optimizer& o, const Eigen::VectorXd& second, int t) {
  const double lr = o.lr(), eps = real(o, "eps");
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(real(o, "beta2"), t));
  return map(second, [&](double s, Eigen::Index) { return lr / (std::sqrt(s) / sqrtBc2 + eps); });
}

const std::map<std::string, std::pair<std::string, Formula>>& formulas() {
  static const std::map<std::string, std::pair<std::string, Formula>> table = {
      {"sgd",
       {"sgd:lr=0.03,momentum=0.9",
        [](const Optimizer& o, const StepContext&) { return constant(o.lr()); }}},
      {"adagrad",
       {"adagrad:lr=0.1,lr_decay=0.05,eps=1e-3",
        [](const Optimizer& o, const StepContext& c) {
          const double clr = o.lr() / (1.0 + (c.t - 1.0) * real(o, "lr_decay"));
          return map(stateOf(o, "sum"),
                     [&](double s, Eigen::Index) { return clr / (std::sqrt(s) + real(o, "eps")); });
        }}},
      {"rmsprop",
       {"rmsprop:lr=0.01,alpha=0.9,centered=true,momentum=0.5",
        [](const Optimizer& o, const StepContext&) {
          const Eigen::VectorXd average = stateOf(o, "grad_avg");
          return map(stateOf(o, "v"), [&](double v, Eigen::Index i) {
            return o.lr() / (std::sqrt(std::fma(-average[i], average[i], v)) + real(o, "eps"));
          });
        }}},
      {"adadelta",
       {"adadelta:lr=0.5,rho=0.8,eps=1e-4",
        [](const Optimizer& o, const StepContext& c) {
          const double eps = real(o, "eps");
          return map(stateOf(o, "v"), [&](double v, Eigen::Index i) {
            return o.lr() * (std::sqrt(c.uBefore[i] + eps) / std::sqrt(v + eps));
          });
        }}},
      {"adam",
       {"adam:lr=0.02,beta2=0.95,amsgrad=true",
        [](const Optimizer& o, const StepContext& c) {
          return adamRate(o, stateOf(o, "vmax"), c.t);
        }}},
      {"adamw",
       {"adamw:lr=0.02,beta2=0.95,weight_decay=0.5",
        [](const Optimizer& o, const StepContext& c) {
          return adamRate(o, stateOf(o, "v"), c.t);
        }}},
      {"adamax",
       {"adamax:lr=0.02,beta1=0.7",
        [](const Optimizer& o, const StepContext& c) {
          const double clr = o.lr() / (1.0 - std::pow(real(o, "beta1"), c.t));
          return map(stateOf(o, "u"), [&](double u, Eigen::Index) { return clr / u; });
        }}},
      {"nadam",
       {"nadam:lr=0.02,beta2=0.9",
        [](const Optimizer& o, const StepContext& c) {
          const double bc2 = 1.0 - std::pow(real(o, "beta2"), c.t);
          return map(stateOf(o, "v"), [&](double v, Eigen::Index) {
            return o.lr() / (std::sqrt(v / bc2) + real(o, "eps"));
          });
        }}},
      {"radam",
       // β2 = 0.9 switches the adaptive rate on at t = 6, inside the checked steps.
       {"radam:lr=0.01,beta2=0.9",
        [](const Optimizer& o, const StepContext& c) {
          const double beta2 = real(o, "beta2"), bc2 = 1.0 - std::pow(beta2, c.t);
          const double rhoInf = 2.0 / (1.0 - beta2) - 1.0;
          const double rhoT = rhoInf - 2.0 * c.t * std::pow(beta2, c.t) / bc2;
          if (rhoT <= 5.0) return constant(o.lr());
          const double rect = std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf /
                                        ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
          return map(stateOf(o, "v"), [&](double v, Eigen::Index) {
            const double adaptive = (1.0 / (std::sqrt(v) + real(o, "eps"))) * std::sqrt(bc2);
            return o.lr() * adaptive * rect;
          });
        }}},
      {"asgd",
       {"asgd:lr=0.01,lambd=0.5,alpha=0.75",
        [](const Optimizer& o, const StepContext& c) {
          // η_1 = lr; η_{t+1} = lr/(1+λ·lr·t)^α; both float32.
          double eta = static_cast<float>(o.lr());
          for (int t = 1; t < c.t; ++t)
            eta = static_cast<float>(
                o.lr() / std::pow(1.0 + real(o, "lambd") * o.lr() * t, real(o, "alpha")));
          return constant(eta);
        }}},
      {"rprop",
       {"rprop:lr=0.01",
        [](const Optimizer& o, const StepContext&) { return stateOf(o, "step_size"); }}},
      {"lion",
       {"lion:lr=0.001", [](const Optimizer& o, const StepContext&) { return constant(o.lr()); }}},
      {"adabelief",
       // β2 = 0.9: the first steps are the SGD branch (N < 5), later ones adaptive.
       {"adabelief:lr=0.01,beta2=0.9,eps=1e-8",
        [](const Optimizer& o, const StepContext& c) {
          const double beta2 = real(o, "beta2"), beta2t = std::pow(beta2, c.t);
          const double nMax = 2.0 / (1.0 - beta2) - 1.0;
          const double n = nMax - 2.0 * c.t * beta2t / (1.0 - beta2t);
          if (n < 5.0) return constant(o.lr());
          const double rectifier = std::sqrt((1.0 - beta2t) * (n - 4.0) / (nMax - 4.0) * (n - 2.0) /
                                             n * nMax / (nMax - 2.0));
          return map(stateOf(o, "s"), [&](double s, Eigen::Index) {
            return o.lr() * rectifier / (std::sqrt(s) + real(o, "eps"));
          });
        }}},
      {"yogi",
       {"yogi:lr=0.01,beta2=0.9",
        [](const Optimizer& o, const StepContext& c) {
          return adamRate(o, stateOf(o, "v"), c.t);
        }}},
      {"chain",
       // The product of the scaling blocks' factors, in block order: 1/(√vmax/√bc2 + eps)
       // from scale_by_adam, then the lr of scale_by_learning_rate.
       {"chain:blocks=[scale_by_adam(beta2=0.95,amsgrad=true),scale_by_learning_rate(lr=0.02)]",
        [](const Optimizer& o, const StepContext& c) {
          const double sqrtBc2 = std::sqrt(1.0 - std::pow(0.95, c.t));
          return map(stateOf(o, "1.scale_by_adam.vmax"), [&](double v, Eigen::Index) {
            return (1.0 / (std::sqrt(v) / sqrtBc2 + 1e-8)) * o.lr();
          });
        }}},
      {"adabound",
       {"adabound:lr=0.01,final_lr=0.05,gamma=0.5,amsbound=true",
        [](const Optimizer& o, const StepContext& c) {
          const double lr = o.lr(), t = c.t;
          const double bc1 = 1.0 - std::pow(real(o, "beta1"), t);
          const double stepSize = lr * std::sqrt(1.0 - std::pow(real(o, "beta2"), t)) / bc1;
          const double finalLr = real(o, "final_lr") * lr / real(o, "lr");
          const double lower = finalLr * (1.0 - 1.0 / (real(o, "gamma") * t + 1.0));
          const double upper = finalLr * (1.0 + 1.0 / (real(o, "gamma") * t));
          return map(stateOf(o, "vmax"), [&](double v, Eigen::Index) {
            return std::min(std::max(stepSize / (std::sqrt(v) + real(o, "eps")), lower), upper);
          });
        }}},
  };
  return table;
}

// Every hyperparameter moved a little (one at a time, kept only if the registry accepts it)
// and every flag flipped: what a user or a schedule may do between two steps.
OptimizerConfig perturbed(const OptimizerConfig& config, int round) {
  OptimizerConfig result = config;
  for (const ParamInfo& param : findOptimizer(config.name).params) {
    std::pair<std::string, std::string> change;
    if (param.kind == ParamKind::Bool) {
      if (round % 2 == 0) continue;
      change = {param.name, result.values.flag(param.name) ? "false" : "true"};
    } else if (param.kind == ParamKind::Real) {
      const double factor = round % 2 == 0 ? 0.75 : 1.25;
      char text[32];
      std::snprintf(text, sizeof text, "%.17g", result.values.real(param.name) * factor);
      change = {param.name, text};
    } else {
      continue;
    }
    try {
      result = withChanges(result, {change});
    } catch (const SpecError&) {
      // Out of range or against a cross-field rule: this change is not made.
    }
  }
  return result;
}

}  // namespace

TEST_CASE("every catalog optimizer has a bit-exact η_eff formula here") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO(info.name);
    CHECK(formulas().count(info.name) == 1);
  }
}

TEST_CASE("lazy η_eff equals the η_eff formula on the state after the step, bit for bit") {
  for (const auto& [name, entry] : formulas()) {
    const auto& [spec, formula] = entry;
    INFO(spec);
    auto optimizer = makeOptimizer(spec);
    optimizer->init(kSize);
    Eigen::VectorXd p = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0);
    for (int t = 1; t <= kSteps; ++t) {
      INFO("t = " << t);
      StepContext context{t, name == "adadelta" ? stateOf(*optimizer, "u") : Eigen::VectorXd()};
      optimizer->step(p, wavyGradient(kSize, t));
      const Eigen::VectorXd expected = formula(*optimizer, context);
      REQUIRE(expected.allFinite());
      CHECK(sameBits(optimizer->effectiveLr(), expected));
    }
  }
}

TEST_CASE("η_eff describes the last step even if lr and hyperparameters change before it is read") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    for (const bool flagsFlipped : {false, true}) {
      OptimizerConfig config = parseOptimizerSpec(info.name);
      if (flagsFlipped) config = perturbed(config, 1);
      INFO(config.spec());
      // `prompt` reads η_eff right after each step; `late` only after the changes for the next
      // step were made. Both get the same changes, so their states stay identical.
      auto prompt = makeOptimizer(config);
      auto late = makeOptimizer(config);
      prompt->init(kSize);
      late->init(kSize);
      Eigen::VectorXd p1 = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0), p2 = p1;
      OptimizerConfig current = config;
      for (int t = 1; t <= kSteps; ++t) {
        INFO("t = " << t);
        const Eigen::VectorXd g = wavyGradient(kSize, t);
        prompt->step(p1, g);
        late->step(p2, g);
        const Eigen::VectorXd atStep = prompt->effectiveLr();

        current = perturbed(current, t);
        for (Optimizer* o : {prompt.get(), late.get()}) {
          o->setHyperparameters(current.values);
          o->setLr(o->lr() * (t % 2 == 0 ? 0.5 : 3.0));
          o->setMomentum(o->momentum() * 0.5);
        }
        const auto copy = late->clone();  // before the first read: the copy computes its own
        CHECK(sameBits(copy->effectiveLr(), atStep));
        CHECK(sameBits(late->effectiveLr(), atStep));
        CHECK(sameBits(late->effectiveLr(), atStep));  // a second read changes nothing
        CHECK(sameBits(p1, p2));
      }
    }
  }
}

TEST_CASE("η_eff unread for several steps is that of the latest step") {
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO(info.name);
    auto everyStep = makeOptimizer(info.name);
    auto rarely = makeOptimizer(info.name);
    everyStep->init(kSize);
    rarely->init(kSize);
    CHECK(rarely->effectiveLr().array().isNaN().all());
    Eigen::VectorXd p1 = Eigen::VectorXd::LinSpaced(kSize, -1.0, 1.0), p2 = p1;
    for (int t = 1; t <= kSteps; ++t) {
      const Eigen::VectorXd g = wavyGradient(kSize, t);
      everyStep->step(p1, g);
      rarely->step(p2, g);
      const Eigen::VectorXd latest = everyStep->effectiveLr();
      if (t % 3 == 0) CHECK(sameBits(rarely->effectiveLr(), latest));
    }
    rarely->init(kSize);  // a new run forgets the old rate
    CHECK(rarely->effectiveLr().array().isNaN().all());
  }
}

// Each block does what docs/CHAIN_BLOCKS.md says, checked on hand-computed updates; the chain
// exposes every block's state, its update after each block and its share of η_eff.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "core/optim/chain/chain.h"
#include "core/optim/optimizer_test_helpers.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

// One step of a fresh chain from p with gradient g; returns the update p_before − p_after.
Eigen::VectorXd firstUpdate(const std::string& spec, const Eigen::VectorXd& p0,
                            const Eigen::VectorXd& g) {
  auto chain = makeOptimizer(spec);
  chain->init(p0.size());
  Eigen::VectorXd p = p0;
  chain->step(p, g);
  return p0 - p;
}

const Chain& asChain(const Optimizer& o) { return dynamic_cast<const Chain&>(o); }

}  // namespace

TEST_CASE("direction blocks: clip, add_decayed_weights, trace, scale_by_sign") {
  const Eigen::Vector3d p(1.0, -2.0, 0.5), g(3.0, -0.25, 0.0);
  CHECK(firstUpdate("chain:blocks=[clip(max_delta=0.5)]", p, g) == Eigen::Vector3d(0.5, -0.25, 0));
  CHECK(firstUpdate("chain:blocks=[add_decayed_weights(weight_decay=0.5)]", p, g) ==
        Eigen::Vector3d(3.5, -1.25, 0.25));
  CHECK(firstUpdate("chain:blocks=[scale_by_sign]", p, g) == Eigen::Vector3d(1.0, -1.0, 0.0));

  // trace: t = u + decay·t; Nesterov adds decay·t once more.
  auto momentum = makeOptimizer("chain:blocks=[trace(decay=0.5,nesterov=true)]");
  momentum->init(3);
  Eigen::VectorXd q = p;
  momentum->step(q, g);  // t = g; u = g + 0.5·g
  CHECK(stateOf(*momentum, "1.trace.trace") == g);
  CHECK(p - q == 1.5 * g);
  const Eigen::VectorXd before = q;
  momentum->step(q, g);  // t = g + 0.5·g; u = g + 0.5·t
  CHECK(stateOf(*momentum, "1.trace.trace") == 1.5 * g);
  CHECK(before - q == g + 0.75 * g);
}

TEST_CASE("rate blocks: clip_by_global_norm, scale_by_learning_rate, scale_by_schedule") {
  const Eigen::Vector2d p(0.0, 0.0), g(3.0, 4.0);  // |g| = 5
  CHECK(firstUpdate("chain:blocks=[clip_by_global_norm(max_norm=10)]", p, g) == g);
  CHECK((firstUpdate("chain:blocks=[clip_by_global_norm(max_norm=1)]", p, g) -
         Eigen::Vector2d(0.6, 0.8))
            .norm() < 1e-15);
  CHECK(firstUpdate("chain:blocks=[scale_by_learning_rate(lr=0.25)]", p, g) == 0.25 * g);

  // scale_by_schedule multiplies by what the schedule makes of lr = 1, step after step.
  const std::string schedule = "multistep(milestones=[2,4],gamma=0.5)";
  auto chain = makeOptimizer("chain:blocks=[scale_by_schedule(schedule=" + schedule + ")]");
  auto probe = makeOptimizer("sgd:lr=1");
  auto reference = makeSchedule("multistep:milestones=[2,4],gamma=0.5");
  chain->init(2);
  probe->init(2);
  reference->attach(*probe);
  Eigen::VectorXd q = p;
  for (int k = 0; k < 6; ++k) {
    const Eigen::VectorXd before = q;
    chain->step(q, g);
    CHECK(before - q == probe->lr() * g);
    CHECK(chain->effectiveLr() == Eigen::Vector2d::Constant(probe->lr()));
    reference->step(*probe, 0.0);
  }
}

TEST_CASE("adaptive blocks: scale_by_rss and scale_by_rms, eps inside or outside the root") {
  const Eigen::Vector2d p(0.0, 0.0), g(2.0, -1.0);
  // rss: s = 0.1 + g²; u = g/√(s + 1e-7) by default, g/(√s + eps) with eps_in_sqrt=false.
  const Eigen::VectorXd rss = firstUpdate("chain:blocks=[scale_by_rss]", p, g);
  CHECK(rss[0] == 2.0 / std::sqrt(std::fma(2.0, 2.0, 0.1) + 1e-7));
  const Eigen::VectorXd rssTorch = firstUpdate(
      "chain:blocks=[scale_by_rss(initial_accumulator_value=0,eps=0.5,"
      "eps_in_sqrt=false)]",
      p, g);
  CHECK(rssTorch[1] == -1.0 / (1.0 + 0.5));
  // rms with bias correction at t = 1: ν̂ = g², so u = g/√(g² + eps).
  const Eigen::VectorXd rms =
      firstUpdate("chain:blocks=[scale_by_rms(decay=0.9,eps=1e-3,bias_correction=true)]", p, g);
  CHECK(rms[0] == Approx(2.0 / std::sqrt(4.0 + 1e-3)).epsilon(1e-15));
  // centered at t = 1: ν − μ² = 0.1·g² − 0.01·g² = 0.09·g².
  const Eigen::VectorXd centered = firstUpdate(
      "chain:blocks=[scale_by_rms(decay=0.9,eps=1e-12,eps_in_sqrt=false,centered=true)]", p, g);
  CHECK(centered[0] == Approx(1.0 / 0.3).epsilon(1e-10));
}

TEST_CASE("moment blocks: scale_by_adam with and without bias correction, scale_by_belief") {
  const Eigen::Vector2d p(0.0, 0.0), g(2.0, -1.0);
  // Adam's first step is sign-like: m̂ = g, v̂ = g², u = g/(|g| + eps).
  const Eigen::VectorXd adam = firstUpdate("chain:blocks=[scale_by_adam(eps=1e-8)]", p, g);
  CHECK(adam[0] == Approx(2.0 / (2.0 + 1e-8)).epsilon(1e-15));
  // Uncorrected: m = 0.1·g, v = 0.001·g², u = 0.1·g/(√0.001·|g| + eps).
  const Eigen::VectorXd raw =
      firstUpdate("chain:blocks=[scale_by_adam(eps=1e-8,bias_correction=false)]", p, g);
  CHECK(raw[0] == Approx(0.1 / (std::sqrt(0.001) + 0.5e-8)).epsilon(1e-12));
  // Belief at t = 1: m = 0.1·g, s = 0.001·(0.9·g)² + eps_root; corrected: m̂ = g,
  // ŝ = 0.81·g² (+ eps_root/0.001), u = g/(0.9·|g|) = 1/0.9 in size.
  const Eigen::VectorXd belief =
      firstUpdate("chain:blocks=[scale_by_belief(eps_root=0,eps=1e-16)]", p, g);
  CHECK(belief[0] == Approx(1.0 / 0.9).epsilon(1e-12));
  CHECK(belief[1] == Approx(-1.0 / 0.9).epsilon(1e-12));
}

TEST_CASE("the chain shows each block's state, update and share of η_eff") {
  auto optimizer = makeOptimizer(
      "chain:blocks=[clip(max_delta=1),scale_by_adam(amsgrad=true),trace(decay=0.5),"
      "scale_by_learning_rate(lr=0.1)]");
  optimizer->init(3);
  const Chain& chain = asChain(*optimizer);
  CHECK(stateNames(*optimizer) ==
        "1.clip.update 2.scale_by_adam.m 2.scale_by_adam.v 2.scale_by_adam.vmax "
        "2.scale_by_adam.update 3.trace.trace 3.trace.update 4.scale_by_learning_rate.update");
  Eigen::VectorXd p = Eigen::Vector3d(1.0, 2.0, 3.0);
  for (int k = 0; k < 4; ++k) {
    const Eigen::VectorXd g = wavyGradient(3, k) * 3.0, before = p;
    optimizer->step(p, g);
    // The update after each block, in order; the last one is the step taken.
    Eigen::VectorXd clipped = g.cwiseMax(-1.0).cwiseMin(1.0);
    CHECK(chain.blockOutput(0) == clipped);
    CHECK(p == before - chain.blockOutput(3));
    CHECK(chain.blockOutput(3) == 0.1 * chain.blockOutput(2));
    // η_eff is the product of the shares: 1 (clip) · 1/den (adam) · 1 (trace) · lr.
    CHECK(chain.blockRate(0) == Eigen::Vector3d::Ones());
    CHECK(chain.blockRate(2) == Eigen::Vector3d::Ones());
    CHECK(chain.blockRate(3) == Eigen::Vector3d::Constant(0.1));
    const Eigen::VectorXd product = chain.blockRate(1).cwiseProduct(chain.blockRate(3));
    CHECK(optimizer->effectiveLr() == product);
    // scale_by_adam's share times m̂ is its update.
    const double bc1 = 1.0 - std::pow(0.9, k + 1);
    for (Eigen::Index i = 0; i < 3; ++i)
      CHECK(chain.blockOutput(1)[i] ==
            Approx(chain.blockRate(1)[i] * stateOf(*optimizer, "2.scale_by_adam.m")[i] / bc1)
                .epsilon(1e-15));
  }
  CHECK(optimizer->effectiveLrTarget() == "direction");
}

TEST_CASE(
    "changing a block's settings keeps every block's state; changing the list restarts moved "
    "blocks") {
  const std::string base =
      "chain:blocks=[trace(decay=0.9),scale_by_adam,scale_by_learning_rate(lr=0.01)]";
  auto chain = makeOptimizer(base);
  chain->init(2);
  Eigen::VectorXd p = Eigen::Vector2d(1.0, -1.0);
  for (int k = 0; k < 5; ++k) chain->step(p, wavyGradient(2, k));
  const Eigen::VectorXd trace = stateOf(*chain, "1.trace.trace");
  const Eigen::VectorXd m = stateOf(*chain, "2.scale_by_adam.m");

  // A new beta2 and lr: same blocks, same state.
  const OptimizerConfig tuned = parseOptimizerSpec(
      "chain:blocks=[trace(decay=0.9),scale_by_adam(beta2=0.99),scale_by_learning_rate(lr=0.02)]");
  chain->setHyperparameters(tuned.values);
  CHECK(chain->lr() == 0.02);
  CHECK(stateOf(*chain, "1.trace.trace") == trace);
  CHECK(stateOf(*chain, "2.scale_by_adam.m") == m);

  // A block inserted in front: the blocks behind it moved and start over.
  const OptimizerConfig inserted = parseOptimizerSpec(
      "chain:blocks=[clip,trace(decay=0.9),scale_by_adam,scale_by_learning_rate(lr=0.02)]");
  chain->setHyperparameters(inserted.values);
  CHECK(stateOf(*chain, "2.trace.trace") == Eigen::Vector2d::Zero());
  chain->step(p, wavyGradient(2, 6));
  CHECK(p.allFinite());
  CHECK(chain->steps() == 6);
}

TEST_CASE("a run's schedule drives the chain's lr, which is its scale_by_learning_rate") {
  auto chain = makeOptimizer("chain:blocks=[scale_by_learning_rate(lr=0.1)]");
  auto sgd = makeOptimizer("sgd:lr=0.1");
  auto forChain = makeSchedule("step:step_size=2,gamma=0.5");
  auto forSgd = makeSchedule("step:step_size=2,gamma=0.5");
  chain->init(2);
  sgd->init(2);
  forChain->attach(*chain);
  forSgd->attach(*sgd);
  Eigen::VectorXd p = Eigen::Vector2d(1.0, 2.0), q = p;
  for (int k = 0; k < 7; ++k) {
    const Eigen::VectorXd g = wavyGradient(2, k);
    chain->step(p, g);
    sgd->step(q, g);
    CHECK(chain->lr() == sgd->lr());
    CHECK(chain->effectiveLr() == sgd->effectiveLr());
    forChain->step(*chain, 0.0);
    forSgd->step(*sgd, 0.0);
  }
  CHECK(maxRelativeError(p, q) < 1e-15);
}

// Chain specs: the block catalog a block editor lists, canonical text that reads back, the one
// lr shared by the chain and its scale_by_learning_rate block, and one clear error per bad chain.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/optim/chain/chain.h"
#include "core/optim/registry.h"
#include "core/util/spec_error.h"

using namespace optiscope;

TEST_CASE("the block catalog has every block the issue asks for, with parameter tables") {
  const std::set<std::string> required = {
      "clip",          "clip_by_global_norm", "add_decayed_weights",   "trace",
      "scale_by_rss",  "scale_by_rms",        "scale_by_adam",         "scale_by_belief",
      "scale_by_sign", "scale_by_schedule",   "scale_by_learning_rate"};
  std::set<std::string> names;
  for (const BlockInfo& info : chainBlockCatalog()) {
    INFO(info.name);
    CHECK(names.insert(info.name).second);
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.formula.empty());
    CHECK(info.create()->name() == info.name);
    // Every block is valid with its defaults and reads back from its canonical text.
    const BlockConfig config = parseChainBlock(info.name);
    CHECK(parseChainBlock(config.spec()) == config);
  }
  CHECK(names == required);
  CHECK(findChainBlock("trace").params.size() == 2);
}

TEST_CASE("a chain spec round-trips through its canonical text, block by block") {
  const OptimizerConfig config = parseOptimizerSpec(
      "chain:blocks=[add_decayed_weights(weight_decay=0.01),scale_by_adam(beta1=0.9,beta2=0.999,"
      "eps=1e-8),scale_by_learning_rate(lr=0.05)]");
  CHECK(config.values.real("lr") == 0.05);
  const std::vector<BlockConfig> blocks = parseChainBlocks(config.values.text("blocks"));
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].name == "add_decayed_weights");
  CHECK(blocks[0].values.real("weight_decay") == 0.01);
  CHECK(blocks[1].values.flag("bias_correction"));
  CHECK(chainBlocksText(blocks) == config.values.text("blocks"));
  CHECK(parseOptimizerSpec(config.spec()) == config);

  // An editor's list of blocks -> spec -> the same list.
  std::vector<BlockConfig> edited = blocks;
  edited.erase(edited.begin());
  edited.insert(edited.begin(), parseChainBlock("clip_by_global_norm(max_norm=2)"));
  const OptimizerConfig rebuilt = withChanges(config, {{"blocks", chainBlocksText(edited)}});
  CHECK(parseChainBlocks(rebuilt.values.text("blocks")) == edited);
  CHECK(rebuilt.values.real("lr") == 0.05);

  // Nested schedules are stored canonical and complete too.
  const OptimizerConfig scheduled = parseOptimizerSpec(
      "chain:blocks=[scale_by_schedule(schedule=cosine(t_max=50)),scale_by_learning_rate]");
  CHECK(scheduled.values.text("blocks").find("schedule=cosine(t_max=50,eta_min=0)") !=
        std::string::npos);
  CHECK(parseOptimizerSpec(scheduled.spec()) == scheduled);
}

TEST_CASE("the chain's lr and its scale_by_learning_rate block's lr are one value") {
  // From the block when only the block gives it.
  CHECK(
      parseOptimizerSpec("chain:blocks=[trace,scale_by_learning_rate(lr=0.2)]").values.real("lr") ==
      0.2);
  // The top-level lr, when given, sets the block.
  const OptimizerConfig top =
      parseOptimizerSpec("chain:blocks=[trace,scale_by_learning_rate(lr=0.2)],lr=0.3");
  CHECK(top.values.real("lr") == 0.3);
  CHECK(parseChainBlocks(top.values.text("blocks"))[1].values.real("lr") == 0.3);
  // A change of lr (a GUI's lr field) moves the block with it.
  const OptimizerConfig changed = withChanges(top, {{"lr", "0.125"}});
  CHECK(parseChainBlocks(changed.values.text("blocks"))[1].values.real("lr") == 0.125);
  auto chain = makeOptimizer(changed);
  CHECK(chain->lr() == 0.125);
  // Default: Adam from blocks with Adam's default lr.
  const OptimizerConfig plain = parseOptimizerSpec("chain");
  CHECK(plain.values.real("lr") == 1e-3);
  CHECK(parseChainBlocks(plain.values.text("blocks")).size() == 2);
}

TEST_CASE("bad chains give one SpecError naming the block and the problem") {
  using Catch::Contains;
  const auto message = [](const std::string& spec) -> std::string {
    try {
      parseOptimizerSpec(spec);
    } catch (const SpecError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  CHECK_THAT(message("chain:blocks=[scale_by_adam,nosuch]"),
             Contains("block 2") && Contains("unknown block 'nosuch'") && Contains("trace"));
  CHECK_THAT(message("chain:blocks=[scale_by_adam(b1=0.9)]"), Contains("block 1 (scale_by_adam)") &&
                                                                  Contains("unknown key 'b1'") &&
                                                                  Contains("beta1"));
  CHECK_THAT(message("chain:blocks=[trace(decay=-1)]"), Contains("decay must be >= 0"));
  CHECK_THAT(message("chain:blocks=[scale_by_adam(beta2=1)]"), Contains("beta2 must be in [0, 1)"));
  CHECK_THAT(message("chain:blocks=[]"), Contains("blocks is empty"));
  CHECK_THAT(message("chain:blocks=[scale_by_adam,scale_by_learning_rate"),
             Contains("missing ']'"));
  CHECK_THAT(message("chain:blocks=[scale_by_adam(beta1=0.9]"), Contains("unbalanced"));
  CHECK_THAT(message("chain:blocks=[scale_by_learning_rate,trace,scale_by_learning_rate]"),
             Contains("blocks 1 and 3") && Contains("at most one"));
  CHECK_THAT(message("chain:blocks=[scale_by_schedule(schedule=reduce_on_plateau)]"),
             Contains("block 1 (scale_by_schedule)") && Contains("needs the loss"));
  CHECK_THAT(message("chain:blocks=[scale_by_schedule(schedule=onecycle(max_lr=1))]"),
             Contains("cycle_momentum=false"));
  CHECK_THAT(message("chain:blocks=[scale_by_schedule(schedule=cosine(t_max=0))]"),
             Contains("t_max"));
  CHECK_THAT(message("chain:blocks=[scale_by_sign(x=1)]"), Contains("unknown key 'x'"));
  CHECK_THAT(message("chain:blocks=[trace],momentum=0.9"), Contains("unknown key 'momentum'"));
  CHECK_THAT(message("chain:lr=-1"), Contains("chain: lr must be >= 0"));
  CHECK_THAT(message("chain:blocks=[,trace]"), Contains("block 1"));
}

TEST_CASE("the chain is listed among the optimizers and built from its spec") {
  const OptimizerInfo& info = findOptimizer("chain");
  CHECK(info.params.size() == 3);
  auto chain = makeOptimizer("chain:blocks=[clip(max_delta=0.5),scale_by_sign]");
  CHECK(chain->name() == "chain");
  const auto& typed = dynamic_cast<const Chain&>(*chain);
  REQUIRE(typed.blocks().size() == 2);
  CHECK(typed.blocks()[0].name == "clip");
  CHECK(typed.blocks()[0].values.real("max_delta") == 0.5);
}

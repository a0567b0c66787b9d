#pragma once

#include "core/optim/chain/chain_block.h"

namespace optiscope {

// The block kinds, one describe function each (formulas in docs/CHAIN_BLOCKS.md).

// direction_blocks.cpp: change what is followed, not how fast.
BlockInfo describeClipBlock();
BlockInfo describeAddDecayedWeightsBlock();
BlockInfo describeTraceBlock();
BlockInfo describeScaleBySignBlock();

// rate_blocks.cpp: one factor for every coordinate.
BlockInfo describeClipByGlobalNormBlock();
BlockInfo describeScaleByScheduleBlock();
BlockInfo describeScaleByLearningRateBlock();

// adaptive_blocks.cpp: per-coordinate rates from accumulated squares.
BlockInfo describeScaleByRssBlock();
BlockInfo describeScaleByRmsBlock();

// moment_blocks.cpp: first and second moments with bias correction.
BlockInfo describeScaleByAdamBlock();
BlockInfo describeScaleByBeliefBlock();

}  // namespace optiscope

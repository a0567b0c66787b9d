#pragma once

#include "core/objectives/objective.h"

namespace optiscope {

// Catalog entries of the 2D test functions written as template formulas (see
// formula_objective.h). Definitions follow Surjanovic & Bingham's Virtual Library of
// Simulation Experiments (sfu.ca/~ssurjano) unless a header comment says otherwise; each
// formula is stated next to its code.

// quadratic_bowls.cpp
ObjectiveInfo describeQuadratic();
ObjectiveInfo describeSaddle();
ObjectiveInfo describeBooth();
ObjectiveInfo describeMatyas();

// polynomial_valleys.cpp
ObjectiveInfo describeBeale();
ObjectiveInfo describeGoldsteinPrice();
ObjectiveInfo describeThreeHumpCamel();
ObjectiveInfo describeSixHumpCamel();

// wavy_surfaces.cpp
ObjectiveInfo describeAckley();
ObjectiveInfo describeLevy13();
ObjectiveInfo describeMcCormick();
ObjectiveInfo describeEasom();

}  // namespace optiscope

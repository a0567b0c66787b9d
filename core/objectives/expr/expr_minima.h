#pragma once

#include <vector>

#include "core/objectives/expr/expr_tape.h"
#include "core/objectives/objective.h"

namespace optiscope::expr {

// A typed surface has no minima from the literature, so they are searched for: Newton's
// method with the exact Hessian from a lattice of starts over the view box (12 × 12 in 2D,
// 64 quasi-random ones in N-d, up to kMaxMinimaSearchDimension coordinates), each step
// "saddle-free" (the Hessian's eigenvalues taken in absolute value, so it descends past
// saddles and maxima) with a backtracking line search. A run counts when it ends with a
// vanishing gradient and a positive semi-definite Hessian, within the view box widened by its
// own size on every side. Runs that reach the same point are merged; the lowest points (equal
// to 1e-9 relative) are the global minima, at most kMaxReportedMinima of them (a valley floor
// of equal minima shows as that many samples). Empty when none is found: unbounded below, or
// no minimum near the view.
constexpr int kMaxMinimaSearchDimension = 20;
constexpr int kMaxReportedMinima = 25;

std::vector<Minimum> findGlobalMinima(const Tape& tape, const Box& box);

}  // namespace optiscope::expr

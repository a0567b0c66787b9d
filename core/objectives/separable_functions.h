#pragma once

#include "core/objectives/objective.h"

namespace optiscope {

// Catalog entries of the N-d separable functions (sphere, rastrigin, styblinski_tang), each
// with a `dim` parameter (default 2). Formulas are in separable_functions.cpp.
ObjectiveInfo describeSphere();
ObjectiveInfo describeRastrigin();
ObjectiveInfo describeStyblinskiTang();

}  // namespace optiscope

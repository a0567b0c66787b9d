#pragma once

#include "core/landscape/grid.h"

namespace optiscope::ui {

// How the heatmap maps f to colors. Automatic chooses per function, from the first grid of
// its default view: logarithmic when the function spans decades, linear otherwise.
enum class ColorScaleMode { Automatic, Logarithmic, Linear };

// On a linear scale, a function whose walls rise decades above its valleys (Rosenbrock: 0 in
// the valley, 2500 at the corners) paints nearly the whole view in the lowest colors, and the
// valleys, where the optimizers are, become one flat color. The test: would more than
// kCrowdedFraction of the view share the lowest 1/kCrowdedShare of a linear scale, i.e. is the
// kCrowdedFraction quantile of the heights f − floor below 1/kCrowdedShare of the highest?
// On the built-in functions' default views this splits them with a wide margin: Rosenbrock,
// Beale, Goldstein–Price, Booth, Matyas, McCormick, Himmelblau, the three-hump camel,
// Styblinski–Tang and ill-conditioned quadratics have 67–94% of their view in the lowest
// quarter (log scale); the sphere, the default quadratic, the saddle, the six-hump camel,
// Rastrigin, Ackley, Lévy 13 and Easom have at most 50% there (linear scale). Grid minima
// alone would not do: almost every function has a grid point near its minimum.
inline constexpr double kCrowdedFraction = 0.6;
inline constexpr double kCrowdedShare = 4.0;

// Whether a logarithmic color scale serves `grid` better (see above). False for a grid
// without finite values or a flat one.
bool spansDecades(const Grid& grid, double floor);

}  // namespace optiscope::ui

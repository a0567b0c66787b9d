#pragma once

#include <string>

#include "core/experiment/experiment.h"

namespace optiscope {

// The scenes a page shows when nothing else was chosen (first launch, File → New, a file
// without that page's object). They are what the GUI has shown since issue 4 (landscape) and
// issue 5 (network); the GUI builds its default scenes from these.

// "#rrggbb" of run `index`: Okabe–Ito's palette, distinguishable for color-blind viewers and
// on projectors, in light and dark themes; it repeats after 8 runs.
std::string defaultRunColor(std::size_t index);

// SGD, Momentum, AdaGrad, RMSProp and Adam racing on Rosenbrock from its default start.
LandscapeScene defaultLandscapeScene();
// SGD, Adam, AdaGrad and RMSProp training one seeded 2-8-8-1 tanh network on circle.
NetworkScene defaultNetworkScene();
// Both pages' default scenes, the landscape page shown, playback at step 0.
Experiment defaultExperiment();

}  // namespace optiscope

#pragma once

#include "core/experiment/experiment.h"

namespace optiscope::ui {

class LandscapeController;

// The Landscape controller's part of a scene (function, start, runs with their looks and
// settings) as an experiment holds it; the view's part (view box, colors, contours) is the
// page's (landscape_page.h).
LandscapeScene captureLandscapeRuns(const LandscapeController& controller);
// Validates the whole scene first (every run's config is built), then replaces the
// controller's function, start and runs with it. Throws SpecError, leaving everything as it
// was, when any part is invalid.
void applyLandscapeRuns(LandscapeController& controller, const LandscapeScene& scene);

}  // namespace optiscope::ui

#pragma once

#include "core/experiment/experiment.h"

namespace optiscope::ui {

class NetworkController;

// The Network controller's part of a scene (data, network settings, runs with their looks and
// settings) as an experiment holds it; "show test points" is the page's (network_page.h).
NetworkScene captureNetworkRuns(const NetworkController& controller);
// Validates the whole scene first (data built, every run's config built), then replaces the
// controller's task and runs with it. Throws SpecError, leaving everything as it was, when any
// part is invalid.
void applyNetworkRuns(NetworkController& controller, const NetworkScene& scene);

}  // namespace optiscope::ui

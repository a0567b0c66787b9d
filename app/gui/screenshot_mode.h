#pragma once

#include "app/gui/gui_arguments.h"
#include "core/experiment/experiment.h"

namespace optiscope::gui {

// The scene --screenshot renders: `arguments.experiment`'s (read and validated here, before Qt
// starts, so that a missing or bad file is one line on standard error), or the default scene
// after 300 steps; `arguments.steps` overrides the playback position. Throws SpecError.
Experiment sceneToRender(const GuiArguments& arguments);

// Renders `scene` on its page at its playback position into `arguments.screenshot` (PNG of
// exactly width x height pixels). Needs a QApplication. Returns the process exit code.
int runScreenshotMode(const GuiArguments& arguments, const Experiment& scene);

}  // namespace optiscope::gui

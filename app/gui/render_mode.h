#pragma once

#include "app/gui/gui_arguments.h"
#include "core/experiment/experiment.h"
#include "ui/common/animation_export.h"

namespace optiscope::gui {

// The scene --screenshot and --export-* render: `arguments.experiment`'s (read and validated here,
// before Qt starts, so that a missing or bad file is one line on standard error), or the default
// scene after 300 steps; `arguments.steps` overrides the playback position. Throws SpecError.
Experiment sceneToRender(const GuiArguments& arguments);

// What --export-gif records of `scene`: from step 0 to its playback position (or --steps; 300
// steps or 30 epochs when that is 0), with --frames, --fps and --size. Throws SpecError when
// these cannot be recorded (checked before Qt starts, so that the problem is one line).
ui::AnimationOptions animationToRender(const GuiArguments& arguments, const Experiment& scene);

// Renders `scene` on its page at its playback position, in a window of width x height, into
// `arguments.output()`: the whole window as a PNG (--screenshot), or the page's figure as a
// PNG, SVG or PDF (--export-*). Writes nothing on failure. Needs a QApplication. Returns the
// process exit code.
int runRenderMode(const GuiArguments& arguments, const Experiment& scene);

}  // namespace optiscope::gui

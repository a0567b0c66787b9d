#pragma once

#include "app/gui/gui_arguments.h"

namespace optiscope::gui {

// Renders the default scene after `arguments.steps` steps into `arguments.screenshot` (PNG of
// exactly width x height pixels). Needs a QApplication. Returns the process exit code.
int runScreenshotMode(const GuiArguments& arguments);

}  // namespace optiscope::gui

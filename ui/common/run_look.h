#pragma once

#include <QColor>
#include <string>

#include "core/experiment/experiment.h"
#include "ui/common/run_style.h"

namespace optiscope::ui {

// A run's look as an experiment file holds it ("#rrggbb") and as the GUI shows it.
RunStyle styleOf(const ExperimentRun& run);
void storeStyle(const RunStyle& style, ExperimentRun& run);

}  // namespace optiscope::ui

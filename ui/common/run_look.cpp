#include "ui/common/run_look.h"

namespace optiscope::ui {

RunStyle styleOf(const ExperimentRun& run) {
  return {QString::fromStdString(run.name), QColor(QString::fromStdString(run.color)), run.visible};
}

void storeStyle(const RunStyle& style, ExperimentRun& run) {
  run.name = style.label.toStdString();
  run.color = style.color.name(QColor::HexRgb).toStdString();  // "#rrggbb", lower case
  run.visible = style.visible;
}

}  // namespace optiscope::ui

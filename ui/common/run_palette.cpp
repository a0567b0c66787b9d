#include "ui/common/run_palette.h"

#include "core/experiment/default_scenes.h"

namespace optiscope::ui {

QColor runColor(int index) {
  return QColor(QString::fromStdString(defaultRunColor(static_cast<std::size_t>(index))));
}

}  // namespace optiscope::ui

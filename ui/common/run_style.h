#pragma once

#include <QColor>
#include <QString>

namespace optiscope::ui {

// How a run is shown; nothing here changes its numbers.
struct RunStyle {
  QString label;
  QColor color;
  bool visible = true;

  bool operator==(const RunStyle&) const = default;
};

}  // namespace optiscope::ui

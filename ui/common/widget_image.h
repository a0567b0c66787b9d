#pragma once

#include <QString>

class QWidget;

namespace optiscope::ui {

// Renders `widget` as it looks now (every plot replotted first, so none shows a stale buffer)
// and writes it as a PNG through QSaveFile: the file is complete or untouched. Returns an
// error message, empty on success.
QString saveWidgetImage(QWidget& widget, const QString& path);

}  // namespace optiscope::ui

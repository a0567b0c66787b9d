#pragma once

#include <QString>
#include <vector>

#include "core/engine/runs_csv_export.h"

class QWidget;

namespace optiscope::ui {

class RunController;

// File → Export data…: every run of a page as CSV, one file per run in a folder, named
// `<k>-<run name>.csv`. A 2D run gives every step from 0 to where it is now with the CLI's
// columns and the optimizer's state vectors; a network run gives one row per epoch (the
// training CSV). The runs are replayed from their configurations off the GUI thread.

// What to write for the runs of `controller` as they are now (`epochs`: a network page).
std::vector<RunCsvRequest> dataExportRequests(const RunController& controller, bool epochs,
                                              const QString& folder);

// Writes `requests` on a worker thread while a progress dialog (parent `parent`, with Cancel)
// shows how far it got; the thread is joined before this returns. Returns an empty string on
// success, else what went wrong ("cancelled" when the user cancelled): then no file was
// written or replaced.
QString runDataExport(const std::vector<RunCsvRequest>& requests, QWidget* parent);

}  // namespace optiscope::ui

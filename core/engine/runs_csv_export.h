#pragma once

#include <Eigen/Core>
#include <atomic>
#include <string>
#include <vector>

#include "core/engine/run.h"

namespace optiscope {

// One run of a page to write as CSV: replayed from its configuration up to where it is now.
struct RunCsvRequest {
  RunConfig config;
  std::string path;      // the file to write
  long long length = 0;  // steps (a 2D run) or epochs (a network run) to write
  bool epochs = false;   // a network run: the training CSV, one row per epoch
  // Where the run is now (params at `length`): the replay must arrive there bit for bit, or
  // the run's history is not its configuration's (its settings changed while it ran).
  Eigen::VectorXd expectedParams;
  std::string name;  // for messages
};

// Progress and stopping, shared with the thread that shows them.
struct CsvExportProgress {
  std::atomic<long long> done{0};  // rows (steps or epochs) written so far, over all runs
  std::atomic<bool> cancel{false};
};

// Total rows the requests ask for (the progress bar's end).
long long totalRows(const std::vector<RunCsvRequest>& requests);

// Writes each run's CSV (2D runs: writeRunCsv with the optimizer's state columns; network
// runs: writeTraining) to a temporary file beside its target, and renames them all into
// place only when every one is complete and verified: a cancelled or failed export leaves no
// file (and replaces none). Returns an empty string on success, "cancelled", or one line
// naming the run and the problem. Runs on the calling thread; `progress` may be read from
// another.
std::string exportRunsCsv(const std::vector<RunCsvRequest>& requests, CsvExportProgress& progress);

}  // namespace optiscope

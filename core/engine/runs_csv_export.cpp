#include "core/engine/runs_csv_export.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/engine/run_csv.h"
#include "core/engine/training_csv.h"

namespace optiscope {
namespace {

std::string partialPath(const std::string& path) { return path + ".partial"; }

void removeAll(const std::vector<std::string>& paths) {
  std::error_code ignored;
  for (const std::string& path : paths) std::filesystem::remove(path, ignored);
}

// Writes one run to `temp`; returns an error line, "cancelled", or empty.
std::string writeOne(const RunCsvRequest& request, const std::string& temp,
                     CsvExportProgress& progress) {
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out) return "cannot write '" + request.path + "'";
  Run run(request.config);
  long long reported = 0;
  const auto keepGoing = [&](long long at) {
    progress.done += at - reported;
    reported = at;
    return !progress.cancel.load();
  };
  bool cancelled = false;
  if (request.epochs) {
    cancelled = writeTraining(run, request.length, out, keepGoing).cancelled;
  } else {
    cancelled = writeRunCsv(run, request.length, out, true, keepGoing).cancelled;
  }
  progress.done += request.length - reported;
  if (cancelled) return "cancelled";
  out.close();
  if (!out) return "cannot write '" + request.path + "'";
  // NaN == NaN is false: a diverged run compares its finite part by bits instead.
  const Eigen::VectorXd& now = run.params();
  const Eigen::VectorXd& expected = request.expectedParams;
  bool same = now.size() == expected.size();
  for (Eigen::Index i = 0; same && i < now.size(); ++i)
    same = now[i] == expected[i] || (std::isnan(now[i]) && std::isnan(expected[i]));
  if (!same)
    return "run '" + request.name +
           "' cannot be replayed: its settings changed while it ran (reset it and play it "
           "again to export it)";
  return {};
}

}  // namespace

long long totalRows(const std::vector<RunCsvRequest>& requests) {
  long long total = 0;
  for (const RunCsvRequest& request : requests) total += request.length;
  return total;
}

std::string exportRunsCsv(const std::vector<RunCsvRequest>& requests, CsvExportProgress& progress) {
  std::vector<std::string> temps;
  for (const RunCsvRequest& request : requests) {
    temps.push_back(partialPath(request.path));
    std::string problem;
    try {
      problem = writeOne(request, temps.back(), progress);
    } catch (const std::exception& error) {
      problem = "run '" + request.name + "': " + error.what();
    }
    if (!problem.empty()) {
      removeAll(temps);
      return problem;
    }
  }
  for (std::size_t i = 0; i < requests.size(); ++i) {
    std::error_code error;
    std::filesystem::rename(temps[i], requests[i].path, error);
    if (error) {
      removeAll(temps);
      return "cannot write '" + requests[i].path + "': " + error.message();
    }
  }
  return {};
}

}  // namespace optiscope

#include "app/cli/summary_csv.h"

#include <cmath>

#include "core/util/spec.h"

namespace optiscope::cli {
namespace {

std::string countOrEmpty(long long count) { return count >= 0 ? std::to_string(count) : ""; }

}  // namespace

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csvNumber(double value) { return formatDouble(value); }

std::string summaryFields(const RunSummary& summary, bool withBestLoss) {
  std::string fields = csvNumber(summary.finalLoss) + ',';
  if (withBestLoss)
    fields += (std::isfinite(summary.bestLoss) ? csvNumber(summary.bestLoss) : "") + ',';
  return fields + countOrEmpty(summary.stepsToTolerance) + ',' + countOrEmpty(summary.divergedAt);
}

}  // namespace optiscope::cli

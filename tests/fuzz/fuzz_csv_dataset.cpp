// libFuzzer harness: the dataset CSV reader. The first byte picks classification or
// regression, the rest is the file. A bad file must end in SpecError; a good one must be a
// usable dataset: at least one row, finite coordinates, and labels that fit the task.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/nn/csv_dataset.h"
#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

void checkDataset(const Dataset& data, TaskKind kind) {
  if (data.kind != kind || data.size() == 0 || data.targets.size() != data.size()) std::abort();
  if (!data.points.allFinite() || !data.targets.allFinite()) std::abort();
  if (kind == TaskKind::Regression) return;
  if (data.classes < 2 || data.classes > kMaxCsvClasses) std::abort();
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    const double label = data.targets[i];
    if (label != std::floor(label) || label < 0 || label >= data.classes) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const TaskKind kind = (data[0] & 1) ? TaskKind::Regression : TaskKind::Classification;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    checkDataset(parseCsvDataset(in, "fuzz.csv", kind), kind);
  } catch (const SpecError&) {
  }
  return 0;
}

// libFuzzer harness: the experiment file reader. The input is the file's text. Properties:
//  - a bad file ends in ExperimentError (any other exception escapes and is a finding) whose
//    message is one line; warnings are one line each;
//  - a good file's experiment writes out and reads back to the same experiment, without a
//    warning (the writer produces only what the reader accepts, and loses nothing).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/experiment/experiment_io.h"

using namespace optiscope;

namespace {

void requireOneLine(std::string_view text) {
  if (text.empty() || text.find('\n') != std::string_view::npos) {
    std::fprintf(stderr, "not one line: '%.*s'\n", static_cast<int>(text.size()), text.data());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  Experiment experiment;
  try {
    experiment = readExperiment(text, &warnings);
  } catch (const ExperimentError& error) {
    requireOneLine(error.what());
    return 0;
  }
  for (const std::string& warning : warnings) requireOneLine(warning);
  const std::string written = writeExperiment(experiment);
  std::vector<std::string> again;
  if (!(readExperiment(written, &again) == experiment) || !again.empty()) {
    std::fprintf(stderr, "round trip changed the experiment:\n%s\n", written.c_str());
    std::abort();
  }
  return 0;
}

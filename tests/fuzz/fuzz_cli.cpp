// libFuzzer harness: optiscope-cli's argument handling, in-process through cli::dispatch.
// The input is the argument vector, one word per line. Files only ever go to a private
// temporary directory: every --out is replaced by a path in it, and a --csv-data value
// becomes the content of a file there ('|' standing for a line break). Sizes are capped so
// one input stays fast. Properties checked:
//  - the exit code is 0 (success) or 2 (bad input); 1 would be an unexpected exception;
//  - bad input writes nothing: after exit code 2 the output directory is still empty.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/dispatch.h"

namespace {

namespace fs = std::filesystem;

// Largest accepted value of the flags that scale the work of one input.
const std::map<std::string, long long> kCaps = {{"--steps", 300},  {"--epochs", 3},
                                                {"--points", 300}, {"--dim", 64},
                                                {"--grid", 8},     {"--seeds", 3}};
// sweep's --lr LO:HI:N runs N learning rates.
constexpr long long kMaxSweepRates = 4;
constexpr int kMaxOptimizers = 8;
constexpr std::size_t kMaxWords = 40;

struct Sandbox {
  fs::path root, outputs, csvFile;
  std::ostringstream sink;

  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "optiscope-fuzz-cli-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    root = pattern;
    outputs = root / "out";
    csvFile = root / "data.csv";
    // Successful runs print CSV to standard output; the fuzzer's own log stays readable.
    std::cout.rdbuf(sink.rdbuf());
    std::cerr.rdbuf(sink.rdbuf());
  }
  ~Sandbox() {
    std::cout.rdbuf(nullptr);
    std::cerr.rdbuf(nullptr);
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
};

Sandbox& sandbox() {
  static Sandbox instance;
  return instance;
}

std::vector<std::string> splitWords(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') {
      words.emplace_back();
    } else {
      words.back() += static_cast<char>(data[i]);
    }
  }
  return words;
}

// Whether the integer that `text` starts with exceeds `cap` (or overflows).
bool integerExceeds(const std::string& text, long long cap) {
  errno = 0;
  char* end = nullptr;
  const long long n = std::strtoll(text.c_str(), &end, 10);
  return end != text.c_str() && (n > cap || errno == ERANGE);
}

bool exceedsCap(const std::string& flag, const std::string& value) {
  if (flag == "--lr") {
    const std::size_t colon = value.rfind(':');
    return colon != std::string::npos && integerExceeds(value.substr(colon + 1), kMaxSweepRates);
  }
  const auto cap = kCaps.find(flag);
  return cap != kCaps.end() && integerExceeds(value, cap->second);
}

// Returns false when the input is too expensive to be worth running.
bool sandboxArguments(std::vector<std::string>& words, const Sandbox& box) {
  if (words.size() > kMaxWords) return false;
  const std::string command = words.front();
  std::vector<std::string> result{command};
  int optimizers = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    const bool hasValue = i + 1 < words.size();
    if (word == "--out" && hasValue) {
      ++i;
      continue;
    }
    if (word == "--csv-data" && hasValue) {
      std::string content = words[++i];
      std::replace(content.begin(), content.end(), '|', '\n');
      std::ofstream(box.csvFile, std::ios::binary | std::ios::trunc) << content;
      result.push_back(word);
      result.push_back(box.csvFile.string());
      continue;
    }
    if (hasValue && exceedsCap(word, words[i + 1])) return false;
    if (word == "--optimizer" && ++optimizers > kMaxOptimizers) return false;
    result.push_back(word);
  }
  if (command == "race") {
    result.push_back("--out");
    result.push_back((box.outputs / "race").string());
  } else if (command == "run" || command == "train" || command == "sweep" || command == "basins") {
    result.push_back("--out");
    result.push_back((box.outputs / (command + ".csv")).string());
  }
  words = std::move(result);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Sandbox& box = sandbox();
  std::vector<std::string> words = splitWords(data, size);
  if (!sandboxArguments(words, box)) return 0;
  fs::remove_all(box.outputs);
  fs::create_directory(box.outputs);

  const int code = optiscope::cli::dispatch(words);
  if (code != 0 && code != 2) {
    std::cout.rdbuf(nullptr);
    std::fprintf(stderr, "exit code %d: %s\n", code, box.sink.str().c_str());
    std::abort();
  }
  if (code == 2 && !fs::is_empty(box.outputs)) {
    std::fprintf(stderr, "bad input left files behind: %s\n", box.sink.str().c_str());
    std::abort();
  }
  box.sink.str({});
  return 0;
}

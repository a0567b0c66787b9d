#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/experiment/experiment_error.h"
#include "core/experiment/json_paths.h"
#include "core/util/spec_error.h"

namespace optiscope {

// Experiments keep their keys in the order written, so files write out in the documented order.
using Json = nlohmann::ordered_json;

// What reading needs everywhere: where values are in the text, and where warnings go.
class ReadContext {
 public:
  ReadContext(const JsonKeyLines& lines, std::vector<std::string>* warnings)
      : m_lines(lines), m_warnings(warnings) {}

  // Throws ExperimentError for `path`, with its line.
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
  // Runs `check` (which may throw SpecError, e.g. a spec parser) and reports its SpecError as
  // a problem of `path`.
  template <class Check>
  auto at(const std::string& path, Check check) const -> decltype(check());
  void warn(const std::string& path, const std::string& problem) const;

 private:
  const JsonKeyLines& m_lines;
  std::vector<std::string>* m_warnings;
};

// Typed views of one value; each fails with the value's path when the type or range is wrong.
std::string textOf(const Json& value, const std::string& path, const ReadContext& context);
bool flagOf(const Json& value, const std::string& path, const ReadContext& context);
double numberOf(const Json& value, const std::string& path, const ReadContext& context);
long long integerOf(const Json& value, const std::string& path, const ReadContext& context,
                    long long min, long long max);
std::uint64_t seedOf(const Json& value, const std::string& path, const ReadContext& context);
const Json& arrayOf(const Json& value, const std::string& path, const ReadContext& context);

// The members of one JSON object, read by key. Every getter marks its key as known; finish()
// warns once for each key nobody asked for (unknown keys stay out of the scene, with a warning,
// never an error: a newer Optiscope may add keys that an older one can skip).
class ObjectReader {
 public:
  ObjectReader(const Json& value, std::string path, const ReadContext& context);

  const std::string& path() const { return m_path; }
  std::string pathOf(const char* key) const { return memberPath(m_path, key); }
  const ReadContext& context() const { return m_context; }

  const Json* find(const char* key);  // nullptr when absent
  const Json& require(const char* key);
  std::string text(const char* key, const std::string& fallback);
  std::string requiredText(const char* key);
  bool flag(const char* key, bool fallback);
  double number(const char* key, double fallback);
  long long integer(const char* key, long long fallback, long long min, long long max);
  std::uint64_t seed(const char* key, std::uint64_t fallback);
  [[noreturn]] void fail(const char* key, const std::string& problem) const;

  void finish() const;

 private:
  const Json& m_object;
  std::string m_path;
  const ReadContext& m_context;
  std::set<std::string> m_known;
};

template <class Check>
auto ReadContext::at(const std::string& path, Check check) const -> decltype(check()) {
  try {
    return check();
  } catch (const ExperimentError&) {
    throw;  // already located
  } catch (const SpecError& error) {
    fail(path, error.what());
  }
}

}  // namespace optiscope

#include "core/experiment/json_fields.h"

#include <limits>

#include "core/experiment/experiment_error.h"

namespace optiscope {
namespace {

std::string typeProblem(const char* expected, const Json& value) {
  return std::string("must be ") + expected + ", got " +
         (value.is_null() ? "null" : value.type_name());
}

}  // namespace

void ReadContext::fail(const std::string& path, const std::string& problem) const {
  throw ExperimentError(path, m_lines.lineOf(path), problem);
}

void ReadContext::warn(const std::string& path, const std::string& problem) const {
  if (m_warnings)
    m_warnings->push_back(ExperimentError(path, m_lines.lineOf(path), problem).what());
}

std::string textOf(const Json& value, const std::string& path, const ReadContext& context) {
  if (!value.is_string()) context.fail(path, typeProblem("a string", value));
  return value.get<std::string>();
}

bool flagOf(const Json& value, const std::string& path, const ReadContext& context) {
  if (!value.is_boolean()) context.fail(path, typeProblem("true or false", value));
  return value.get<bool>();
}

double numberOf(const Json& value, const std::string& path, const ReadContext& context) {
  // The parser refuses what does not fit a double (1e999), so every number here is finite.
  if (!value.is_number()) context.fail(path, typeProblem("a number", value));
  return value.get<double>();
}

long long integerOf(const Json& value, const std::string& path, const ReadContext& context,
                    long long min, long long max) {
  if (!value.is_number_integer()) context.fail(path, typeProblem("an integer", value));
  const bool tooLarge = value.is_number_unsigned() &&
                        value.get<std::uint64_t>() >
                            static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
  const long long n = tooLarge ? std::numeric_limits<long long>::max() : value.get<long long>();
  if (tooLarge || n < min || n > max)
    context.fail(path, "must be an integer from " + std::to_string(min) + " to " +
                           std::to_string(max) + ", got " + value.dump());
  return n;
}

std::uint64_t seedOf(const Json& value, const std::string& path, const ReadContext& context) {
  if (!value.is_number_integer()) context.fail(path, typeProblem("an integer", value));
  if (!value.is_number_unsigned() && value.get<long long>() < 0)
    context.fail(path, "must be an integer from 0 to 18446744073709551615, got " + value.dump());
  return value.get<std::uint64_t>();
}

const Json& arrayOf(const Json& value, const std::string& path, const ReadContext& context) {
  if (!value.is_array()) context.fail(path, typeProblem("an array", value));
  return value;
}

ObjectReader::ObjectReader(const Json& value, std::string path, const ReadContext& context)
    : m_object(value), m_path(std::move(path)), m_context(context) {
  if (!value.is_object()) m_context.fail(m_path, typeProblem("an object", value));
}

const Json* ObjectReader::find(const char* key) {
  m_known.insert(key);
  const auto it = m_object.find(key);
  return it == m_object.end() ? nullptr : &*it;
}

const Json& ObjectReader::require(const char* key) {
  const Json* value = find(key);
  if (!value) m_context.fail(pathOf(key), "missing (a required key)");
  return *value;
}

std::string ObjectReader::text(const char* key, const std::string& fallback) {
  const Json* value = find(key);
  return value ? textOf(*value, pathOf(key), m_context) : fallback;
}

std::string ObjectReader::requiredText(const char* key) {
  return textOf(require(key), pathOf(key), m_context);
}

bool ObjectReader::flag(const char* key, bool fallback) {
  const Json* value = find(key);
  return value ? flagOf(*value, pathOf(key), m_context) : fallback;
}

double ObjectReader::number(const char* key, double fallback) {
  const Json* value = find(key);
  return value ? numberOf(*value, pathOf(key), m_context) : fallback;
}

long long ObjectReader::integer(const char* key, long long fallback, long long min, long long max) {
  const Json* value = find(key);
  return value ? integerOf(*value, pathOf(key), m_context, min, max) : fallback;
}

std::uint64_t ObjectReader::seed(const char* key, std::uint64_t fallback) {
  const Json* value = find(key);
  return value ? seedOf(*value, pathOf(key), m_context) : fallback;
}

void ObjectReader::fail(const char* key, const std::string& problem) const {
  m_context.fail(pathOf(key), problem);
}

void ObjectReader::finish() const {
  for (const auto& [key, value] : m_object.items())
    if (!m_known.count(key)) m_context.warn(memberPath(m_path, key), "unknown key, ignored");
}

}  // namespace optiscope

#include "core/util/spec.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

// Splits at top-level occurrences of `sep`, honouring () and [] nesting.
std::vector<std::string> splitTopLevel(std::string_view s, char sep, std::string_view context) {
  std::vector<std::string> parts;
  std::vector<char> stack;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(' || c == '[') {
      stack.push_back(c == '(' ? ')' : ']');
    } else if (c == ')' || c == ']') {
      if (stack.empty() || stack.back() != c)
        throw SpecError(std::string(context) + ": unbalanced '" + c + "' in '" + std::string(s) +
                        "'");
      stack.pop_back();
    } else if (c == sep && stack.empty()) {
      parts.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (!stack.empty())
    throw SpecError(std::string(context) + ": missing '" + stack.back() + "' in '" +
                    std::string(s) + "'");
  parts.push_back(trim(s.substr(start)));
  return parts;
}

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// One `key=value` item of `whole`, appended to spec.args after the checks every spec gets.
void addItem(Spec& spec, const std::string& part, const std::string& ctx,
             const std::string& whole) {
  const size_t eq = part.find('=');
  if (part.empty()) throw SpecError(ctx + " spec '" + whole + "': empty key=value item");
  if (eq == std::string::npos)
    throw SpecError(ctx + " spec '" + whole + "': '" + part + "' is not key=value");
  std::string key = trim(std::string_view(part).substr(0, eq));
  std::string value = trim(std::string_view(part).substr(eq + 1));
  if (key.empty()) throw SpecError(ctx + " spec '" + whole + "': '" + part + "' has no key");
  if (value.empty()) throw SpecError(ctx + " spec '" + whole + "': key '" + key + "' has no value");
  for (const auto& [k, v] : spec.args)
    if (k == key) throw SpecError(ctx + " spec '" + whole + "': key '" + key + "' given twice");
  spec.args.emplace_back(std::move(key), std::move(value));
}

}  // namespace

std::string Spec::toString() const {
  std::string out = name;
  for (size_t i = 0; i < args.size(); ++i) {
    out += (i == 0 ? ":" : ",");
    out += args[i].first + "=" + args[i].second;
  }
  return out;
}

Spec parseSpec(std::string_view text, std::string_view what) {
  const std::string whole = trim(text);
  const std::string ctx(what);
  if (whole.empty()) throw SpecError(ctx + ": empty spec; expected 'name' or 'name:key=value,...'");
  Spec spec;
  const size_t colon = whole.find(':');
  spec.name = trim(std::string_view(whole).substr(0, colon));
  if (spec.name.empty()) throw SpecError(ctx + " spec '" + whole + "': missing name before ':'");
  for (char c : spec.name)
    if (!isNameChar(c))
      throw SpecError(ctx + " spec '" + whole + "': invalid name '" + spec.name + "'");
  if (colon == std::string::npos) return spec;
  const std::string_view rest = std::string_view(whole).substr(colon + 1);
  if (trim(rest).empty())
    throw SpecError(ctx + " spec '" + whole + "': nothing after ':'; expected key=value,...");
  for (const std::string& part : splitTopLevel(rest, ',', ctx + " spec '" + whole + "'"))
    addItem(spec, part, ctx, whole);
  return spec;
}

Spec parseSpecByKeys(std::string_view text, std::string_view what) {
  const std::string whole = trim(text);
  const size_t colon = whole.find(':');
  if (colon == std::string::npos) return parseSpec(whole, what);
  // The name and the first key go through parseSpec's checks; then each item runs to the next
  // ",<name>=" (a key can be nothing else, since no value contains '=').
  std::vector<size_t> cuts;
  for (size_t i = colon + 1; i < whole.size(); ++i) {
    if (whole[i] != ',') continue;
    size_t j = i + 1;
    while (j < whole.size() && (whole[j] == ' ' || whole[j] == '\t')) ++j;
    const size_t nameStart = j;
    while (j < whole.size() && isNameChar(whole[j])) ++j;
    const size_t nameEnd = j;
    while (j < whole.size() && (whole[j] == ' ' || whole[j] == '\t')) ++j;
    if (nameEnd > nameStart && j < whole.size() && whole[j] == '=') cuts.push_back(i);
  }
  Spec spec = parseSpec(whole.substr(0, colon), what);
  const std::string ctx(what);
  size_t start = colon + 1;
  cuts.push_back(whole.size());
  for (const size_t cut : cuts) {
    addItem(spec, trim(std::string_view(whole).substr(start, cut - start)), ctx, whole);
    start = cut + 1;
  }
  return spec;
}

std::string nestedSpecText(std::string_view value) {
  const std::string v = trim(value);
  const size_t open = v.find('(');
  if (open == std::string::npos || v.back() != ')') return v;
  const std::string inner = v.substr(open + 1, v.size() - open - 2);
  const std::string name = v.substr(0, open);
  return trim(inner).empty() ? name : name + ":" + inner;
}

std::vector<std::string> splitList(std::string_view value, std::string_view context) {
  std::string v = trim(value);
  if (!v.empty() && v.front() == '[') {
    if (v.back() != ']')
      throw SpecError(std::string(context) + ": list '" + v + "' is missing its closing ']'");
    v = v.substr(1, v.size() - 2);
  }
  if (trim(v).empty()) return {};
  return splitTopLevel(v, ',', context);
}

double parseFiniteDouble(std::string_view text, std::string_view context) {
  const std::string s = trim(text);
  if (s.empty()) throw SpecError(std::string(context) + ": expected a number, got nothing");
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size())
    throw SpecError(std::string(context) + ": '" + s + "' is not a number");
  if (!std::isfinite(value) || errno == ERANGE)
    throw SpecError(std::string(context) + ": '" + s + "' is not a finite number");
  return value;
}

long long parseInteger(std::string_view text, std::string_view context) {
  const std::string s = trim(text);
  if (s.empty()) throw SpecError(std::string(context) + ": expected an integer, got nothing");
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE)
    throw SpecError(std::string(context) + ": '" + s + "' is not an integer");
  return value;
}

bool parseBool(std::string_view text, std::string_view context) {
  const std::string s = trim(text);
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  throw SpecError(std::string(context) + ": '" + s + "' is not a boolean; use true or false");
}

std::string formatDouble(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

std::string formatShortest(double value) {
  char buf[40];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

}  // namespace optiscope

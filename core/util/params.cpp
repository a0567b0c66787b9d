#include "core/util/params.h"

#include <cmath>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

std::string num(double v) { return formatShortest(v); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

template <class Map>
const auto& lookup(const Map& map, std::string_view name) {
  auto it = map.find(name);
  if (it == map.end())
    throw std::logic_error("parameter '" + std::string(name) + "' is not in this table");
  return it->second;
}

}  // namespace

std::string ParamInfo::rangeText() const {
  switch (kind) {
    case ParamKind::Bool:
      return "true or false";
    case ParamKind::Choice:
      return "one of " + joined(choices);
    case ParamKind::List:
      return "a list like [30,60] of numbers >= " + num(min);
    case ParamKind::Spec:
      return "a nested spec like name(key=value,...)";
    case ParamKind::Text:
      return "text as described";
    default:
      break;
  }
  const bool lo = std::isfinite(min), hi = std::isfinite(max);
  const std::string what = kind == ParamKind::Integer ? "an integer " : "";
  if (lo && hi)
    return what + "in " + (minInclusive ? "[" : "(") + num(min) + ", " + num(max) +
           (maxInclusive ? "]" : ")");
  if (lo) return what + (minInclusive ? ">= " : "> ") + num(min);
  if (hi) return what + (maxInclusive ? "<= " : "< ") + num(max);
  return kind == ParamKind::Integer ? "an integer" : "a finite number";
}

std::string ParamInfo::defaultAsText() const {
  switch (kind) {
    case ParamKind::Bool:
      return defaultValue != 0.0 ? "true" : "false";
    case ParamKind::Integer:
      return std::to_string(static_cast<long long>(defaultValue));
    case ParamKind::Real:
      return num(defaultValue);
    default:
      return defaultText;
  }
}

ParamInfo realParam(std::string name, double def, std::string help, double min, double max,
                    bool minInclusive, bool maxInclusive) {
  ParamInfo p;
  p.name = std::move(name);
  p.defaultValue = def;
  p.help = std::move(help);
  p.min = min;
  p.max = max;
  p.minInclusive = minInclusive;
  p.maxInclusive = maxInclusive;
  return p;
}

ParamInfo learningRateParam(double def, std::string help) {
  ParamInfo p = realParam("lr", def, std::move(help), 0.0, INFINITY);
  p.logScale = true;
  return p;
}

ParamInfo positiveParam(std::string name, double def, std::string help) {
  ParamInfo p = realParam(std::move(name), def, std::move(help), 0.0, INFINITY, false);
  p.logScale = true;
  return p;
}

ParamInfo betaParam(std::string name, double def, std::string help) {
  return realParam(std::move(name), def, std::move(help), 0.0, 1.0, true, false);
}

ParamInfo nonNegativeParam(std::string name, double def, std::string help) {
  return realParam(std::move(name), def, std::move(help), 0.0, INFINITY);
}

ParamInfo boolParam(std::string name, bool def, std::string help) {
  ParamInfo p = realParam(std::move(name), def ? 1.0 : 0.0, std::move(help), 0.0, 1.0);
  p.kind = ParamKind::Bool;
  return p;
}

ParamInfo integerParam(std::string name, long long def, std::string help, long long min,
                       long long max) {
  ParamInfo p = realParam(std::move(name), static_cast<double>(def), std::move(help),
                          static_cast<double>(min), static_cast<double>(max));
  p.kind = ParamKind::Integer;
  return p;
}

ParamInfo choiceParam(std::string name, std::string def, std::vector<std::string> choices,
                      std::string help) {
  ParamInfo p;
  p.name = std::move(name);
  p.kind = ParamKind::Choice;
  p.defaultText = std::move(def);
  p.choices = std::move(choices);
  p.help = std::move(help);
  return p;
}

ParamInfo listParam(std::string name, std::string def, std::string help, double min) {
  ParamInfo p;
  p.name = std::move(name);
  p.kind = ParamKind::List;
  p.defaultText = std::move(def);
  p.help = std::move(help);
  p.min = min;
  return p;
}

ParamInfo specParam(std::string name, std::string def, std::string help) {
  ParamInfo p;
  p.name = std::move(name);
  p.kind = ParamKind::Spec;
  p.defaultText = std::move(def);
  p.help = std::move(help);
  return p;
}

ParamInfo textParam(std::string name, std::string def, std::string help) {
  ParamInfo p = specParam(std::move(name), std::move(def), std::move(help));
  p.kind = ParamKind::Text;
  return p;
}

double ParamValues::real(std::string_view name) const { return lookup(m_numbers, name); }
long long ParamValues::integer(std::string_view name) const {
  return static_cast<long long>(lookup(m_numbers, name));
}
bool ParamValues::flag(std::string_view name) const { return lookup(m_numbers, name) != 0.0; }
const std::string& ParamValues::text(std::string_view name) const { return lookup(m_texts, name); }
const std::vector<double>& ParamValues::list(std::string_view name) const {
  return lookup(m_lists, name);
}
bool ParamValues::has(std::string_view name) const {
  return m_numbers.count(name) || m_texts.count(name) || m_lists.count(name);
}

std::string ParamValues::valueText(const ParamInfo& info) const {
  switch (info.kind) {
    case ParamKind::Bool:
      return flag(info.name) ? "true" : "false";
    case ParamKind::Integer:
      return std::to_string(integer(info.name));
    case ParamKind::Real:
      return num(real(info.name));
    case ParamKind::List: {
      std::string out = "[";
      const auto& items = list(info.name);
      for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + num(items[i]);
      return out + "]";
    }
    default:
      return text(info.name);
  }
}

void checkValue(const ParamInfo& info, double value, std::string_view owner) {
  const std::string who = std::string(owner) + ": " + info.name;
  if (!std::isfinite(value)) throw SpecError(who + " must be a finite number");
  const bool below = info.minInclusive ? value < info.min : value <= info.min;
  const bool above = info.maxInclusive ? value > info.max : value >= info.max;
  if (below || above) throw SpecError(who + " must be " + info.rangeText() + ", got " + num(value));
  if (info.kind == ParamKind::Integer && std::floor(value) != value)
    throw SpecError(who + " must be an integer, got " + num(value));
}

namespace {

void applyOne(const ParamInfo& info, const std::string& raw, ParamValues& values,
              std::string_view owner) {
  const std::string ctx = std::string(owner) + ": " + info.name;
  switch (info.kind) {
    case ParamKind::Bool:
      values.setNumber(info.name, parseBool(raw, ctx) ? 1.0 : 0.0);
      return;
    case ParamKind::Integer: {
      const double v = static_cast<double>(parseInteger(raw, ctx));
      checkValue(info, v, owner);
      values.setNumber(info.name, v);
      return;
    }
    case ParamKind::Real: {
      const double v = parseFiniteDouble(raw, ctx);
      checkValue(info, v, owner);
      values.setNumber(info.name, v);
      return;
    }
    case ParamKind::Choice:
      for (const auto& c : info.choices)
        if (c == raw) {
          values.setText(info.name, raw);
          return;
        }
      throw SpecError(ctx + " must be " + info.rangeText() + ", got '" + raw + "'");
    case ParamKind::List: {
      std::vector<double> items;
      for (const auto& item : splitList(raw, ctx)) {
        const double v = parseFiniteDouble(item, ctx);
        if (v < info.min)
          throw SpecError(ctx + " items must be >= " + num(info.min) + ", got " + num(v));
        items.push_back(v);
      }
      values.setList(info.name, std::move(items));
      return;
    }
    case ParamKind::Spec:
      values.setText(info.name, nestedSpecText(raw));
      return;
    case ParamKind::Text:
      values.setText(info.name, raw);
      return;
  }
}

}  // namespace

ParamValues defaultValues(const std::vector<ParamInfo>& table) {
  ParamValues values;
  for (const auto& info : table) applyOne(info, info.defaultAsText(), values, "default");
  return values;
}

ParamValues applyArgs(const std::vector<ParamInfo>& table, ParamValues base,
                      const std::vector<std::pair<std::string, std::string>>& args,
                      std::string_view owner) {
  for (const auto& [key, raw] : args) {
    const ParamInfo* found = nullptr;
    for (const auto& info : table)
      if (info.name == key) found = &info;
    if (!found) {
      std::string allowed;
      for (const auto& info : table) allowed += (allowed.empty() ? "" : ", ") + info.name;
      throw SpecError(std::string(owner) + ": unknown key '" + key +
                      "'; allowed: " + (allowed.empty() ? "none" : allowed));
    }
    applyOne(*found, raw, base, owner);
  }
  return base;
}

std::string canonicalSpec(std::string_view name, const std::vector<ParamInfo>& table,
                          const ParamValues& values) {
  std::string out(name);
  for (size_t i = 0; i < table.size(); ++i) {
    const std::string v = values.valueText(table[i]);
    const bool nested = table[i].kind == ParamKind::Spec && v.find(':') != std::string::npos;
    std::string shown = v;
    if (nested) {
      const size_t colon = v.find(':');
      shown = v.substr(0, colon) + "(" + v.substr(colon + 1) + ")";
    }
    out += (i == 0 ? ":" : ",") + table[i].name + "=" + shown;
  }
  return out;
}

}  // namespace optiscope

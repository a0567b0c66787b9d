#pragma once

#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/spec.h"

namespace optiscope {

// Text is free text its owner validates (a typed surface's formula, a chain's list of
// blocks); it is stored as written, without the nesting rewrite of Spec.
enum class ParamKind { Real, Integer, Bool, Choice, List, Spec, Text };

// One hyperparameter as a user sees it: its torch name, kind, default and allowed range.
// The CLI lists these, the GUI builds its fields from them, and spec parsing validates with
// them, so a bound is stated in exactly one place.
struct ParamInfo {
  std::string name;
  ParamKind kind = ParamKind::Real;
  double defaultValue = 0.0;  // Real, Integer, Bool (0/1)
  std::string defaultText;    // Choice, List ("[30,60]"), Spec, Text
  std::string help;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool minInclusive = true;
  bool maxInclusive = true;
  std::vector<std::string> choices;  // Choice
  bool logScale = false;             // a hint for GUI sliders (learning rates, eps)

  std::string rangeText() const;  // "[0, 1)", "> 0", "true or false", "one of a, b"
  std::string defaultAsText() const;
};

// Builders keep the per-optimizer tables short and readable.
ParamInfo realParam(std::string name, double def, std::string help, double min, double max,
                    bool minInclusive = true, bool maxInclusive = true);
ParamInfo learningRateParam(double def, std::string help = "learning rate");
ParamInfo positiveParam(std::string name, double def, std::string help);  // > 0, log scale
ParamInfo betaParam(std::string name, double def, std::string help);      // [0, 1)
ParamInfo nonNegativeParam(std::string name, double def, std::string help);
ParamInfo boolParam(std::string name, bool def, std::string help);
ParamInfo integerParam(std::string name, long long def, std::string help, long long min,
                       long long max = std::numeric_limits<int>::max());
ParamInfo choiceParam(std::string name, std::string def, std::vector<std::string> choices,
                      std::string help);
ParamInfo listParam(std::string name, std::string def, std::string help, double min = 0.0);
ParamInfo specParam(std::string name, std::string def, std::string help);
ParamInfo textParam(std::string name, std::string def, std::string help);

// Validated values for a ParamInfo table; every key of the table is present.
class ParamValues {
 public:
  double real(std::string_view name) const;
  long long integer(std::string_view name) const;
  bool flag(std::string_view name) const;
  const std::string& text(std::string_view name) const;  // Choice, Spec and Text
  const std::vector<double>& list(std::string_view name) const;
  bool has(std::string_view name) const;

  void setNumber(const std::string& name, double value) { m_numbers[name] = value; }
  void setText(const std::string& name, std::string value) { m_texts[name] = std::move(value); }
  void setList(const std::string& name, std::vector<double> value) {
    m_lists[name] = std::move(value);
  }
  // Canonical `key=value` text of one parameter, for specs and CSV headers.
  std::string valueText(const ParamInfo& info) const;

  bool operator==(const ParamValues&) const = default;

 private:
  std::map<std::string, double, std::less<>> m_numbers;
  std::map<std::string, std::string, std::less<>> m_texts;
  std::map<std::string, std::vector<double>, std::less<>> m_lists;
};

// Defaults of every parameter in the table.
ParamValues defaultValues(const std::vector<ParamInfo>& table);

// Applies `key=value` pairs onto `base`, validating kind and range against `table`. Throws
// SpecError ("<owner>: unknown key 'x'; allowed: a, b" / "<owner>: lr must be >= 0, got -1").
ParamValues applyArgs(const std::vector<ParamInfo>& table, ParamValues base,
                      const std::vector<std::pair<std::string, std::string>>& args,
                      std::string_view owner);

// Validates one value against its ParamInfo (range, integrality), throwing SpecError.
void checkValue(const ParamInfo& info, double value, std::string_view owner);

// `name:key=value,...` listing every parameter, canonical and complete.
std::string canonicalSpec(std::string_view name, const std::vector<ParamInfo>& table,
                          const ParamValues& values);

}  // namespace optiscope

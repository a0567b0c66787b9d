#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace optiscope {

// A parsed `name` or `name:key=value,key=value` string. Values may nest: commas inside
// (), [] do not split, so `sequence:first=linear(total_iters=10),then=cosine(t_max=90)` and
// `multistep:milestones=[30,60]` parse as one value each.
struct Spec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;  // in the order written

  std::string toString() const;
};

// Throws SpecError naming the problem (empty name, missing '=', unbalanced brackets, a key
// given twice). `what` ("optimizer", "schedule", "function") prefixes every message.
Spec parseSpec(std::string_view text, std::string_view what);

// For specs whose values never contain '=' (a typed formula): splits `name:key=value,...` at
// every ',' that starts a new `key=`, whatever the brackets, so that a formula with a missing
// ')' still reaches its own parser, which names the column. Otherwise as parseSpec.
Spec parseSpecByKeys(std::string_view text, std::string_view what);

// `linear(total_iters=10)` -> `linear:total_iters=10`; `cosine` -> `cosine`.
std::string nestedSpecText(std::string_view value);

// Splits `[30,60]` or `30` into items; throws SpecError for unbalanced brackets.
std::vector<std::string> splitList(std::string_view value, std::string_view context);

// Strict number parsing: the whole text must be a finite double (no trailing junk).
double parseFiniteDouble(std::string_view text, std::string_view context);
long long parseInteger(std::string_view text, std::string_view context);
bool parseBool(std::string_view text, std::string_view context);

// Text that reads back to exactly the same double, always with 17 significant digits
// (printf %.17g): the CLI's CSV columns, whose width then does not depend on the value.
std::string formatDouble(double value);
// The shortest text that reads back to exactly the same double ("0.9", not
// "0.90000000000000002"): specs and messages, which people read and type.
std::string formatShortest(double value);

}  // namespace optiscope

#include "app/cli/arguments.h"

#include <algorithm>

#include "core/objectives/objective.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::cli {

Arguments::Arguments(const std::vector<std::string>& words, const std::string& command,
                     const std::vector<std::string>& allowed,
                     const std::vector<std::string>& repeatable)
    : m_command(command) {
  auto contains = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& flag = words[i];
    if (!contains(allowed, flag)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : " ") + a;
      throw SpecError(flag.rfind("--", 0) == 0
                          ? "unknown option '" + flag + "' for '" + command + "'; allowed: " + list
                          : "unexpected argument '" + flag + "' for '" + command + "'");
    }
    // A value that is itself an option means the value was forgotten; negative numbers
    // start with a single dash and stay values.
    if (i + 1 >= words.size() || words[i + 1].rfind("--", 0) == 0)
      throw SpecError("option '" + flag + "' needs a value");
    if (m_values.count(flag) && !contains(repeatable, flag))
      throw SpecError("option '" + flag + "' given twice");
    m_values[flag].push_back(words[++i]);
  }
}

std::optional<std::string> Arguments::value(const std::string& flag) const {
  auto it = m_values.find(flag);
  if (it == m_values.end()) return std::nullopt;
  return it->second.front();
}

std::string Arguments::required(const std::string& flag) const {
  auto v = value(flag);
  if (!v) throw SpecError("'" + m_command + "' needs " + flag);
  return *v;
}

std::vector<std::string> Arguments::values(const std::string& flag) const {
  auto it = m_values.find(flag);
  return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

long long Arguments::integer(const std::string& flag, long long fallback, long long min) const {
  auto v = value(flag);
  if (!v) return fallback;
  const long long n = parseInteger(*v, flag);
  if (n < min)
    throw SpecError(flag + " must be an integer >= " + std::to_string(min) + ", got " + *v);
  return n;
}

double Arguments::real(const std::string& flag, double fallback, double min) const {
  auto v = value(flag);
  if (!v) return fallback;
  const double x = parseFiniteDouble(*v, flag);
  if (x < min) throw SpecError(flag + " must be >= " + formatDouble(min) + ", got " + *v);
  return x;
}

std::vector<double> parseNumberList(const std::string& text, const std::string& flag) {
  std::vector<double> numbers;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? comma : comma - start);
    numbers.push_back(parseFiniteDouble(item, flag));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return numbers;
}

std::string functionSpecWithDim(const std::string& function,
                                const std::optional<std::string>& dim) {
  if (!dim) return function;
  const long long n = parseInteger(*dim, "--dim");
  const Spec spec = parseSpec(function, "function");
  const ObjectiveInfo& info = findObjective(spec.name);
  if (info.paramsOf)
    throw SpecError("--dim: a typed surface's dimension is its highest variable; write x1..xn");
  if (!info.anyDimension)
    throw SpecError("--dim: function '" + spec.name + "' is 2-dimensional only; N-dimensional: " +
                    "sphere, rosenbrock, rastrigin, styblinski_tang");
  for (const auto& [key, value] : spec.args)
    if (key == "dim") throw SpecError("--dim given and the function spec sets dim too");
  return function + (spec.args.empty() ? ":" : ",") + "dim=" + std::to_string(n);
}

}  // namespace optiscope::cli

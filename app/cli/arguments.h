#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace optiscope::cli {

// `--flag value` pairs after a subcommand. Every flag takes exactly one value; flags not in
// `allowed` and repeats of non-repeatable flags are errors (SpecError naming the flag).
class Arguments {
 public:
  Arguments(const std::vector<std::string>& words, const std::string& command,
            const std::vector<std::string>& allowed,
            const std::vector<std::string>& repeatable = {});

  std::optional<std::string> value(const std::string& flag) const;
  std::string required(const std::string& flag) const;
  std::vector<std::string> values(const std::string& flag) const;

  long long integer(const std::string& flag, long long fallback, long long min) const;
  double real(const std::string& flag, double fallback, double min) const;

 private:
  std::string m_command;
  std::map<std::string, std::vector<std::string>> m_values;
};

// "1.5,-2" -> {1.5, -2}; throws SpecError naming `flag` for anything else.
std::vector<double> parseNumberList(const std::string& text, const std::string& flag);

// Adds `dim=N` from a --dim flag to a function spec; SpecError if the function is 2D only or
// the spec sets dim itself.
std::string functionSpecWithDim(const std::string& function, const std::optional<std::string>& dim);

}  // namespace optiscope::cli

#pragma once

#include <stdexcept>
#include <string>

namespace optiscope {

// Invalid user input (a spec, a hyperparameter, a CLI flag, a file). The message is one line
// that names the offending piece and what is allowed, ready to show to a user as is.
class SpecError : public std::invalid_argument {
 public:
  explicit SpecError(const std::string& message) : std::invalid_argument(message) {}
};

}  // namespace optiscope

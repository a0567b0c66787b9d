#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace optiscope::testing {

// The committed experiment files (tests/experiments) and documents (docs).
inline std::string experimentPath(const std::string& name) {
  return std::string(OPTISCOPE_EXPERIMENTS_DIR) + "/" + name;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace optiscope::testing

#pragma once

#include <string>

namespace optiscope::testing {

struct CliResult {
  int exitCode;
  std::string out;
  std::string err;
};

// Runs the built optiscope-cli with `args` (shell words, already quoted where needed),
// capturing standard output and standard error.
CliResult runCli(const std::string& args);

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }
  std::string file(const std::string& name) const { return m_path + "/" + name; }

 private:
  std::string m_path;
};

std::string readFile(const std::string& path);
bool fileExists(const std::string& path);

}  // namespace optiscope::testing

#pragma once

#include <string>

#include "core/util/spec_error.h"

namespace optiscope {

// A problem with an experiment file, located: the JSON path of the offending value
// (`landscape.runs[2].optimizer`, array indices from 0 as in JSONPath and jq; empty for
// malformed JSON), the line (and for malformed JSON the column) in the text, 0 when unknown.
// what() is one line a user can act on:
//   "[<source> ]line 7: landscape.runs[2].optimizer: adam: unknown key 'betas'; allowed: ..."
// It is a SpecError, so the CLI reports it like any bad input (one line, exit 2).
class ExperimentError : public SpecError {
 public:
  ExperimentError(std::string path, int line, std::string problem, int column = 0,
                  std::string source = {});

  const std::string& path() const { return m_path; }
  int line() const { return m_line; }
  int column() const { return m_column; }
  const std::string& problem() const { return m_problem; }
  const std::string& source() const { return m_source; }

  // The same error as read from `source` (a file name), which then starts the message.
  ExperimentError from(const std::string& source) const;

 private:
  std::string m_path;
  int m_line;
  int m_column;
  std::string m_problem;
  std::string m_source;
};

}  // namespace optiscope

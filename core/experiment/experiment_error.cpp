#include "core/experiment/experiment_error.h"

#include <utility>

namespace optiscope {
namespace {

std::string describe(const std::string& source, const std::string& path, int line, int column,
                     const std::string& problem) {
  std::string text = source;
  if (line > 0) {
    text += (text.empty() ? "line " : " line ") + std::to_string(line);
    if (column > 0) text += ", column " + std::to_string(column);
  }
  if (!text.empty()) text += ": ";
  if (!path.empty()) text += path + ": ";
  // One line, whatever the problem quotes from the file.
  for (char c : problem) text += (c == '\n' || c == '\r') ? ' ' : c;
  return text;
}

}  // namespace

ExperimentError::ExperimentError(std::string path, int line, std::string problem, int column,
                                 std::string source)
    : SpecError(describe(source, path, line, column, problem)),
      m_path(std::move(path)),
      m_line(line),
      m_column(column),
      m_problem(std::move(problem)),
      m_source(std::move(source)) {}

ExperimentError ExperimentError::from(const std::string& source) const {
  return ExperimentError(m_path, m_line, m_problem, m_column, source);
}

}  // namespace optiscope

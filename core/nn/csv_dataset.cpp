#include "core/nn/csv_dataset.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <vector>

#include "core/util/spec_error.h"

namespace optiscope {
namespace {

constexpr std::array<const char*, 3> kColumns = {"x1", "x2", "label"};

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> splitFields(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    fields.push_back(
        trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

// nullopt when the text is not a number at all; non-finite numbers are returned as read.
std::optional<double> parseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

class CsvReader {
 public:
  CsvReader(std::string_view source, TaskKind kind) : m_source(source), m_kind(kind) {}

  void readLine(const std::string& rawLine, long long lineNumber) {
    m_line = lineNumber;
    const std::string line = trim(rawLine);
    if (line.empty()) return;
    const std::vector<std::string> fields = splitFields(line);
    const bool firstLine = !m_sawAnyLine;
    m_sawAnyLine = true;
    if (firstLine && isHeader(fields)) {
      if (fields.size() != kColumns.size())
        fail("the header has " + std::to_string(fields.size()) +
             " columns; expected 3 (x1,x2,label)");
      return;
    }
    if (fields.size() != kColumns.size())
      fail(std::to_string(fields.size()) + " columns; expected 3 (x1,x2,label)");
    std::array<double, 3> values{};
    for (size_t c = 0; c < fields.size(); ++c) {
      const auto value = parseNumber(fields[c]);
      if (!value) fail(std::string(kColumns[c]) + " '" + fields[c] + "' is not a number");
      if (!std::isfinite(*value))
        fail(std::string(kColumns[c]) + " '" + fields[c] + "' is not finite");
      values[c] = *value;
    }
    if (m_kind == TaskKind::Classification) checkClass(fields[2], values[2]);
    m_rows.push_back(values);
  }

  Dataset finish() const {
    if (m_rows.empty()) throw SpecError(m_source + ": no data rows (expected lines x1,x2,label)");
    Dataset data;
    data.kind = m_kind;
    const auto n = static_cast<Eigen::Index>(m_rows.size());
    data.points.resize(2, n);
    data.targets.resize(n);
    int largest = 0;
    std::vector<bool> present(kMaxCsvClasses, false);
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto& row = m_rows[static_cast<size_t>(j)];
      data.points.col(j) << row[0], row[1];
      double label = row[2];
      if (m_kind == TaskKind::Classification) {
        if (m_playgroundLabels && label == -1.0) label = 0.0;
        largest = std::max(largest, static_cast<int>(label));
        present[static_cast<size_t>(label)] = true;
      }
      data.targets[j] = label;
    }
    data.classes = 0;
    if (m_kind == TaskKind::Classification) {
      if (std::count(present.begin(), present.end(), true) < 2)
        throw SpecError(m_source +
                        ": classification needs at least two classes; every row has the same "
                        "label");
      data.classes = largest + 1;
    }
    return data;
  }

 private:
  static bool isHeader(const std::vector<std::string>& fields) {
    for (const auto& field : fields)
      if (parseNumber(field)) return false;
    return true;
  }

  void checkClass(const std::string& text, double label) {
    const bool integer = label == std::floor(label);
    if (!integer || label < -1.0 || label >= kMaxCsvClasses)
      fail("label '" + text + "' is not an integer class 0.." + std::to_string(kMaxCsvClasses - 1) +
           " (or Playground's -1/1); a regression file needs the mse loss");
    if (label == -1.0) {
      if (m_otherLabelLine)
        fail("label -1 mixed with label 0 or >= 2 (line " + std::to_string(*m_otherLabelLine) +
             "); use either classes 0.." + std::to_string(kMaxCsvClasses - 1) +
             " or Playground's -1/1");
      m_playgroundLabels = true;
      if (!m_minusOneLine) m_minusOneLine = m_line;
    } else if (label != 1.0) {
      if (m_minusOneLine)
        fail("label '" + text + "' mixed with label -1 (line " + std::to_string(*m_minusOneLine) +
             "); use either classes 0.." + std::to_string(kMaxCsvClasses - 1) +
             " or Playground's -1/1");
      if (!m_otherLabelLine) m_otherLabelLine = m_line;
    }
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw SpecError(m_source + " line " + std::to_string(m_line) + ": " + problem);
  }

  std::string m_source;
  TaskKind m_kind;
  long long m_line = 0;
  bool m_sawAnyLine = false;
  bool m_playgroundLabels = false;
  std::optional<long long> m_minusOneLine, m_otherLabelLine;
  std::vector<std::array<double, 3>> m_rows;
};

}  // namespace

Dataset parseCsvDataset(std::istream& in, std::string_view source, TaskKind kind) {
  CsvReader reader(source, kind);
  long long lineNumber = 0;
  for (std::string line; std::getline(in, line);) reader.readLine(line, ++lineNumber);
  if (in.bad()) throw SpecError(std::string(source) + ": read error");
  return reader.finish();
}

Dataset readCsvDataset(const std::string& path, TaskKind kind) {
  std::ifstream in(path);
  if (!in) throw SpecError(path + ": cannot open the file for reading");
  return parseCsvDataset(in, path, kind);
}

}  // namespace optiscope

#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace optiscope {

// JSON paths as error messages name them: `landscape.runs[2].optimizer`. A key that is not a
// plain word (letters, digits, '_') is quoted, `network["odd key"]`, so a path stays one line.
std::string memberPath(std::string_view parent, const std::string& key);
std::string elementPath(std::string_view parent, std::size_t index);

// Where each value of a JSON text is: the line of an object member's key, or of an array
// element's first character, by path. nlohmann-json 3.11 keeps no positions in what it
// parsed, so messages about a value find its line here. Paths deeper than kMaxDepth levels
// are not recorded (an experiment's deepest value is landscape.view.x[0], 4 levels), which
// keeps the cost linear in the text however deeply it nests.
class JsonKeyLines {
 public:
  static constexpr std::size_t kMaxDepth = 6;

  struct Located {
    std::string path;
    int line = 0;
  };

  // `text` must be well-formed JSON (parse it first).
  explicit JsonKeyLines(std::string_view text);

  // The line of `path`, or of its nearest recorded ancestor (the root is line 1).
  int lineOf(std::string_view path) const;
  // The first key given twice in one object, if any (JSON leaves duplicates undefined and
  // nlohmann keeps the last silently; a file must say one thing).
  const std::optional<Located>& duplicateKey() const { return m_duplicate; }

 private:
  std::map<std::string, int, std::less<>> m_lines;
  std::optional<Located> m_duplicate;
};

}  // namespace optiscope

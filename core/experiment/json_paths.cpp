#include "core/experiment/json_paths.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace optiscope {
namespace {

bool isPlainKey(const std::string& key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A string token starting at text[begin] == '"': the index one past its closing quote.
std::size_t stringEnd(std::string_view text, std::size_t begin) {
  std::size_t i = begin + 1;
  while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
  return i + 1;
}

std::string decodeKey(std::string_view token) {
  const std::string raw(token.substr(1, token.size() >= 2 ? token.size() - 2 : 0));
  if (raw.find('\\') == std::string::npos) return raw;
  // The text was parsed already, so the escapes are valid; the raw text is only a fallback.
  const auto decoded = nlohmann::json::parse(token, nullptr, false);
  return decoded.is_string() ? decoded.get<std::string>() : raw;
}

}  // namespace

std::string memberPath(std::string_view parent, const std::string& key) {
  if (isPlainKey(key)) return parent.empty() ? key : std::string(parent) + "." + key;
  return std::string(parent) + "[" +
         nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]";
}

std::string elementPath(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

JsonKeyLines::JsonKeyLines(std::string_view text) {
  struct Frame {
    bool object = false;
    bool recorded = false;  // within kMaxDepth: paths of its members are kept
    bool expectKey = false;
    std::string path;
    std::size_t index = 0;
    std::set<std::string> keys;
  };
  std::vector<Frame> stack;
  std::string memberValuePath;  // the path of the object member whose value comes next
  int line = 1;
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  m_lines.emplace("", 1);

  // The path of a value starting now, recording its line when it is an array element.
  auto valuePath = [&]() -> std::string {
    if (stack.empty()) return "";
    Frame& top = stack.back();
    if (top.object) return memberValuePath;
    if (!top.recorded) return "";
    std::string path = elementPath(top.path, top.index);
    m_lines.emplace(path, line);
    return path;
  };

  while (i < text.size()) {
    const char c = text[i];
    if (isWhitespace(c)) {
      if (c == '\n') ++line;
      ++i;
      continue;
    }
    if (c == '{' || c == '[') {
      Frame frame;
      frame.object = c == '{';
      frame.expectKey = frame.object;
      frame.path = valuePath();
      frame.recorded = stack.size() < kMaxDepth && (stack.empty() || stack.back().recorded);
      stack.push_back(std::move(frame));
      ++i;
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      ++i;
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object)
          stack.back().expectKey = true;
        else
          ++stack.back().index;
      }
      ++i;
    } else if (c == ':') {
      ++i;
    } else if (c == '"') {
      const std::size_t end = stringEnd(text, i);
      if (!stack.empty() && stack.back().object && stack.back().expectKey) {
        Frame& top = stack.back();
        top.expectKey = false;
        if (top.recorded) {
          const std::string key = decodeKey(text.substr(i, end - i));
          memberValuePath = memberPath(top.path, key);
          m_lines.emplace(memberValuePath, line);
          if (!top.keys.insert(key).second && !m_duplicate)
            m_duplicate = Located{memberValuePath, line};
        }
      } else {
        valuePath();
      }
      i = end;
    } else {  // a number, true, false or null
      valuePath();
      while (i < text.size() && !isWhitespace(text[i]) && text[i] != ',' && text[i] != ']' &&
             text[i] != '}')
        ++i;
    }
  }
}

int JsonKeyLines::lineOf(std::string_view path) const {
  for (;;) {
    if (auto it = m_lines.find(path); it != m_lines.end()) return it->second;
    const std::size_t cut = path.find_last_of(".[");
    if (cut == std::string_view::npos) return 1;
    path = path.substr(0, cut);
  }
}

}  // namespace optiscope

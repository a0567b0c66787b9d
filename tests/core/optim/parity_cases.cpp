#include "parity_cases.h"

#include <stdexcept>

#include "support/reference_data.h"

namespace optiscope::testing {
namespace {

struct CaseParser {
  std::string path;
  size_t lineNumber = 0;

  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error(path + ":" + std::to_string(lineNumber) + ": " + why);
  }

  double number(const std::string& word) const {
    try {
      return parseHexDouble(word);
    } catch (const std::exception&) {
      fail("'" + word + "' is not a number");
    }
  }

  Eigen::VectorXd numbers(const std::vector<std::string>& words, size_t first) const {
    Eigen::VectorXd v(static_cast<Eigen::Index>(words.size() - first));
    for (size_t i = first; i < words.size(); ++i)
      v[static_cast<Eigen::Index>(i - first)] = number(words[i]);
    return v;
  }

  // `lr <k> ...` and `p <k> ...` lines must come in order k = 1, 2, ...
  void expectStep(const std::vector<std::string>& words, size_t nextIndex) const {
    if (words.size() < 3) fail("'" + words[0] + "' line needs a step number and values");
    if (words[1] != std::to_string(nextIndex + 1))
      fail("expected step " + std::to_string(nextIndex + 1) + ", got " + words[1]);
  }

  void checkComplete(const ParityCase& c) const {
    if (c.optimizer.empty() || c.schedule.empty() || c.function.empty())
      fail("case " + c.id + " lacks an optimizer, schedule or function line");
    if (c.steps <= 0 || c.start.size() == 0) fail("case " + c.id + " lacks steps or start");
    if (static_cast<int>(c.lr.size()) != c.steps || static_cast<int>(c.points.size()) != c.steps)
      fail("case " + c.id + " has " + std::to_string(c.lr.size()) + " lr and " +
           std::to_string(c.points.size()) + " p lines for " + std::to_string(c.steps) + " steps");
    for (const auto& p : c.points)
      if (p.size() != c.start.size()) fail("case " + c.id + ": a p line has the wrong size");
  }
};

std::string restOfLine(const std::string& line, const std::string& keyword) {
  const size_t at = line.find(keyword) + keyword.size();
  const size_t begin = line.find_first_not_of(' ', at);
  return begin == std::string::npos ? "" : line.substr(begin);
}

}  // namespace

std::vector<ParityCase> readParityCases(const std::string& path) {
  CaseParser parser{path};
  std::vector<ParityCase> cases;
  ParityCase current;
  bool inCase = false;
  for (const std::string& line : readLines(path)) {
    ++parser.lineNumber;
    const std::vector<std::string> words = splitWords(line);
    if (words.empty() || words[0][0] == '#') continue;
    const std::string& key = words[0];
    if (key == "case") {
      if (inCase) parser.fail("case " + current.id + " has no 'end'");
      if (words.size() != 2) parser.fail("'case' needs exactly one id");
      current = ParityCase{};
      current.id = words[1];
      inCase = true;
      continue;
    }
    if (!inCase) parser.fail("'" + key + "' outside a case");
    if (key == "optimizer") {
      current.optimizer = restOfLine(line, key);
    } else if (key == "schedule") {
      current.schedule = restOfLine(line, key);
    } else if (key == "function") {
      current.function = restOfLine(line, key);
    } else if (key == "negate_gradient") {
      if (words.size() != 2 || (words[1] != "0" && words[1] != "1"))
        parser.fail("negate_gradient must be 0 or 1");
      current.negateGradient = words[1] == "1";
    } else if (key == "steps") {
      if (words.size() != 2) parser.fail("'steps' needs one number");
      const double steps = parser.number(words[1]);
      if (steps != static_cast<int>(steps)) parser.fail("'steps' must be an integer");
      current.steps = static_cast<int>(steps);
    } else if (key == "start") {
      current.start = parser.numbers(words, 1);
    } else if (key == "lr") {
      parser.expectStep(words, current.lr.size());
      if (words.size() != 3) parser.fail("'lr' line needs exactly one value");
      current.lr.push_back(parser.number(words[2]));
    } else if (key == "p") {
      parser.expectStep(words, current.points.size());
      current.points.push_back(parser.numbers(words, 2));
    } else if (key == "state") {
      if (words.size() < 3) parser.fail("'state' line needs a name and values");
      current.finalState.emplace_back(words[1], parser.numbers(words, 2));
    } else if (key == "end") {
      parser.checkComplete(current);
      cases.push_back(std::move(current));
      inCase = false;
    } else {
      parser.fail("unknown line '" + key + "'");
    }
  }
  if (inCase) parser.fail("file ends inside case " + current.id);
  return cases;
}

}  // namespace optiscope::testing

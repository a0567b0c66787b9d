// The recursive-descent parser of typed formulas (grammar in expr_formula.h). Every error
// names what was expected or found and its column, so a GUI can point at it and the CLI can
// print it on one line.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <numbers>
#include <string>

#include "core/objectives/expr/expr_formula.h"
#include "core/util/spec_error.h"

namespace optiscope::expr {
namespace {

// Deep enough for any formula a person types, shallow enough that the recursion cannot
// exhaust the stack (the fuzzer sends thousands of '(' or '-').
constexpr int kMaxDepth = 200;

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameChar(char c) { return isLetter(c) || isDigit(c); }

// x1, x2, ...: the index, 0 for "x0" and anything with a leading zero, -1 if not x<digits>.
long long indexedVariable(std::string_view name) {
  if (name.size() < 2 || name[0] != 'x') return -1;
  for (char c : name.substr(1))
    if (!isDigit(c)) return -1;
  if (name[1] == '0') return 0;
  if (name.size() > 8) return kMaxVariables + 1;  // beyond the limit, without overflowing
  return std::stoll(std::string(name.substr(1)));
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<std::string>* parameterNames)
      : m_text(text), m_parameterNames(parameterNames) {}

  Formula run() {
    skipSpace();
    if (m_pos == m_text.size()) throw SpecError("the formula is empty");
    expression(0);  // its value is the last node added
    skipSpace();
    if (m_pos != m_text.size()) {
      if (m_text[m_pos] == ')') fail("unmatched ')'");
      rejectForeign();
      fail("expected an operator or the end of the formula", ", found " + found());
    }
    m_formula.dimension = m_formula.indexed ? m_highestIndex : 2;
    return std::move(m_formula);
  }

 private:
  // "<what> at column <pos + 1><detail>": the column follows what is wrong, as a reader expects.
  [[noreturn]] void fail(const std::string& what, const std::string& detail = "") const {
    failAt(what, m_pos, detail);
  }
  [[noreturn]] void failAt(const std::string& what, size_t pos,
                           const std::string& detail = "") const {
    throw SpecError(what + " at column " + std::to_string(pos + 1) + detail);
  }

  std::string found() const {
    if (m_pos >= m_text.size()) return "the end of the formula";
    if (isNameChar(m_text[m_pos]) || m_text[m_pos] == '.') {
      size_t end = m_pos;
      while (end < m_text.size() && (isNameChar(m_text[end]) || m_text[end] == '.')) ++end;
      return "'" + std::string(m_text.substr(m_pos, end - m_pos)) + "'";
    }
    return "'" + std::string(1, m_text[m_pos]) + "'";
  }

  void skipSpace() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t')) ++m_pos;
  }
  bool accept(char c) {
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }
  void enter(int depth) const {
    if (depth > kMaxDepth)
      fail("the formula nests deeper than " + std::to_string(kMaxDepth) + " levels");
  }

  int add(Node node) {
    m_formula.nodes.push_back(node);
    return static_cast<int>(m_formula.nodes.size()) - 1;
  }
  int binary(Op op, int a, int b) { return add({op, a, b, 0.0, 0}); }

  int expression(int depth) {
    enter(depth);
    int left = term(depth + 1);
    while (true) {
      if (accept('+')) {
        left = binary(Op::Add, left, term(depth + 1));
      } else if (accept('-')) {
        left = binary(Op::Sub, left, term(depth + 1));
      } else {
        return left;
      }
    }
  }

  int term(int depth) {
    enter(depth);
    int left = unary(depth + 1);
    while (true) {
      skipSpace();
      if (m_pos + 1 < m_text.size() && m_text[m_pos] == '*' && m_text[m_pos + 1] == '*')
        fail("'**'", " is not an operator; write powers with ^");
      if (accept('*')) {
        left = binary(Op::Mul, left, unary(depth + 1));
      } else if (accept('/')) {
        left = binary(Op::Div, left, unary(depth + 1));
      } else {
        return left;
      }
    }
  }

  int unary(int depth) {
    enter(depth);
    if (accept('-')) return add({Op::Neg, unary(depth + 1), -1, 0.0, 0});
    if (accept('+')) return unary(depth + 1);
    return power(depth + 1);
  }

  int power(int depth) {
    enter(depth);
    const int base = primary(depth + 1);
    if (!accept('^')) return base;
    return binary(Op::Pow, base, unary(depth + 1));
  }

  int primary(int depth) {
    enter(depth);
    skipSpace();
    if (m_pos >= m_text.size())
      fail("expected a number, a name or '('", ", found the end of the formula");
    const char c = m_text[m_pos];
    if (isDigit(c) || c == '.') return number();
    if (isLetter(c)) return name(depth);
    if (c == '(') {
      const size_t open = m_pos++;
      const int inner = expression(depth + 1);
      expect(')', open);
      return inner;
    }
    rejectForeign();
    fail("expected a number, a name or '('", ", found " + found());
  }

  // Characters that belong to specs, not formulas: say so rather than "expected ...".
  void rejectForeign() const {
    const char c = m_text[m_pos];
    if (c == ',') fail("unexpected ','", ": commas only separate function arguments");
    if (c == '=' || c == ':' || c == '[' || c == ']' || c == ';')
      fail("unexpected " + found(), ": a formula has no '" + std::string(1, c) + "'");
  }

  // `open` is where the bracket being closed was opened, for the message.
  void expect(char closing, size_t open) {
    if (accept(closing)) return;
    skipSpace();
    fail(std::string("expected '") + closing + "'",
         " to close the '(' of column " + std::to_string(open + 1) + ", found " + found());
  }

  int number() {
    const size_t start = m_pos;
    size_t end = m_pos;
    int dots = 0;
    while (end < m_text.size() && (isDigit(m_text[end]) || m_text[end] == '.')) {
      dots += m_text[end] == '.';
      ++end;
    }
    const std::string mantissa(m_text.substr(start, end - start));
    if (dots > 1 || mantissa == ".") failAt("bad number '" + mantissa + "'", start);
    if (end < m_text.size() && (m_text[end] == 'e' || m_text[end] == 'E')) {
      size_t digits = end + 1;
      if (digits < m_text.size() && (m_text[digits] == '+' || m_text[digits] == '-')) ++digits;
      const size_t firstDigit = digits;
      while (digits < m_text.size() && isDigit(m_text[digits])) ++digits;
      if (digits == firstDigit) {
        // "2e" or "2ex": a missing exponent, or an implicit product with e that we do not have.
        failAt("bad number '" + std::string(m_text.substr(start, digits - start)) + "'", start,
               ": the exponent has no digits (write 2*e for a product)");
      }
      end = digits;
    }
    const std::string text(m_text.substr(start, end - start));
    errno = 0;
    const double value = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::abs(value) > 1.0)
      failAt("number '" + text + "'", start, " is out of range");
    m_pos = end;
    return add({Op::Const, -1, -1, value, 0});
  }

  int name(int depth) {
    const size_t start = m_pos;
    while (m_pos < m_text.size() && isNameChar(m_text[m_pos])) ++m_pos;
    const std::string_view word = m_text.substr(start, m_pos - start);
    skipSpace();
    const bool call = m_pos < m_text.size() && m_text[m_pos] == '(';
    if (const auto function = findFunction(word)) return callFunction(*function, start, depth);
    if (call)
      failAt("unknown function '" + std::string(word) + "'", start,
             "; functions: " + std::string(functionList()));
    if (word == "pi") return add({Op::Const, -1, -1, std::numbers::pi, 0});
    if (word == "e") return add({Op::Const, -1, -1, std::numbers::e, 0});
    if (word == "x" || word == "y") return plainVariable(word == "x" ? 0 : 1, start);
    const long long index = indexedVariable(word);
    if (index >= 0) return indexed(index, word, start);
    return parameter(word, start);
  }

  int callFunction(const FunctionInfo& function, size_t start, int depth) {
    const std::string fname(function.name);
    if (!accept('(')) failAt("expected '(' after the function '" + fname + "'", m_pos);
    const size_t open = m_pos - 1;
    int args[2] = {-1, -1};
    int count = 0;
    do {
      const int arg = expression(depth + 1);
      if (count < 2) args[count] = arg;
      ++count;
    } while (accept(','));
    expect(')', open);
    if (count != function.arity)
      failAt(fname + "()", start,
             " takes " + std::to_string(function.arity) +
                 (function.arity == 1 ? " argument" : " arguments") + ", got " +
                 std::to_string(count));
    if (function.arity == 1) return add({function.op, args[0], -1, 0.0, 0});
    return binary(function.op, args[0], args[1]);
  }

  int plainVariable(int index, size_t start) {
    if (m_formula.indexed)
      failAt("'" + std::string(index == 0 ? "x" : "y") + "'", start,
             " mixes x, y with x1..xn; write every coordinate one way");
    m_plain = true;
    return add({Op::Var, -1, -1, 0.0, index});
  }

  int indexed(long long index, std::string_view word, size_t start) {
    const std::string w(word);
    if (index == 0)
      failAt("unknown variable '" + w + "'", start, ": indexed variables are x1, x2, ...");
    if (index > kMaxVariables)
      failAt("'" + w + "'", start,
             " is beyond x" + std::to_string(kMaxVariables) +
                 ", the most coordinates a formula may have");
    if (m_plain)
      failAt("'" + w + "'", start, " mixes x1..xn with x, y; write every coordinate one way");
    m_formula.indexed = true;
    m_highestIndex = std::max(m_highestIndex, static_cast<int>(index));
    return add({Op::Var, -1, -1, 0.0, static_cast<int>(index) - 1});
  }

  int parameter(std::string_view word, size_t start) {
    const std::string w(word);
    if (m_parameterNames != nullptr &&
        std::find(m_parameterNames->begin(), m_parameterNames->end(), w) == m_parameterNames->end())
      failAt("unknown name '" + w + "'", start,
             ": not a variable (x, y or x1..xn), a constant (pi, e) or a parameter given after "
             "the formula (e.g. ," +
                 w + "=1)");
    auto& names = m_formula.parameters;
    auto it = std::find(names.begin(), names.end(), w);
    if (it == names.end()) it = names.insert(names.end(), w);
    return add({Op::Param, -1, -1, 0.0, static_cast<int>(it - names.begin())});
  }

  std::string_view m_text;
  const std::vector<std::string>* m_parameterNames;
  size_t m_pos = 0;
  Formula m_formula;
  bool m_plain = false;
  int m_highestIndex = 0;
};

}  // namespace

Formula parseFormula(std::string_view text, const std::vector<std::string>* parameterNames) {
  return Parser(text, parameterNames).run();
}

std::string parameterNameProblem(std::string_view name) {
  if (name.empty() || !isLetter(name[0]) ||
      !std::all_of(name.begin(), name.end(), [](char c) { return isNameChar(c); }))
    return "is not a name (letters, digits and _, starting with a letter)";
  if (name == "x" || name == "y" || indexedVariable(name) >= 0) return "is a variable";
  if (name == "pi" || name == "e") return "is a constant";
  if (findFunction(name)) return "is a function";
  return "";
}

}  // namespace optiscope::expr

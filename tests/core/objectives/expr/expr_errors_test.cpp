// Bad formulas and bad expr specs: one SpecError each, naming the problem and, for problems
// inside the formula, its column.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/objectives/objective.h"
#include "core/util/spec_error.h"

using namespace optiscope;

namespace {

struct Bad {
  std::string spec;
  std::vector<std::string> mentions;
};

std::string messageOf(const std::string& spec) {
  try {
    parseObjectiveSpec(spec);
  } catch (const SpecError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("bad formulas name the problem and its column") {
  const std::vector<Bad> bad = {
      {"expr:f=x*(y+1", {"expected ')' at column 7", "'(' of column 3", "end of the formula"}},
      {"expr:f=sinn(x)", {"unknown function 'sinn' at column 1", "atan2"}},
      {"expr:f=x+z", {"unknown name 'z' at column 3", ",z=1"}},
      {"expr:f=x1+x0", {"unknown variable 'x0' at column 4"}},
      {"expr:f=x+x2", {"'x2' at column 3", "mixes"}},
      {"expr:f=x1+y", {"'y' at column 4", "mixes"}},
      {"expr:f=x+y)", {"unmatched ')' at column 4"}},
      {"expr:f=x y", {"at column 3", "found 'y'"}},
      {"expr:f=2x", {"at column 2", "found 'x'"}},
      {"expr:f=1.2.3*x", {"bad number '1.2.3' at column 1"}},
      {"expr:f=x+1e", {"bad number '1e' at column 3", "exponent"}},
      {"expr:f=1e999*x", {"number '1e999' at column 1", "out of range"}},
      {"expr:f=x+", {"at column 3", "end of the formula"}},
      {"expr:f=x**2", {"'**' at column 2", "^"}},
      {"expr:f=sin x", {"expected '(' after the function 'sin' at column 5"}},
      {"expr:f=atan2(x)", {"atan2() at column 1", "takes 2 arguments, got 1"}},
      {"expr:f=sin(x,y)", {"sin() at column 1", "takes 1 argument, got 2"}},
      {"expr:f=x=y", {"unexpected '=' at column 2"}},
      {"expr:f=x:y", {"unexpected ':' at column 2"}},
      {"expr:f=x*()", {"at column 4", "found ')'"}},
      {"expr:f=x+x1001", {"'x1001' at column 3", "x1000"}},
      {"expr:f=x^", {"at column 3", "end of the formula"}},
      {"expr:f=" + std::string(300, '(') + "x" + std::string(300, ')'), {"nests deeper"}},
      {"expr:f=" + std::string(500, '-') + "x", {"nests deeper"}},
  };
  for (const Bad& b : bad) {
    const std::string message = messageOf(b.spec);
    INFO(b.spec << "\n -> " << message);
    CHECK(message.rfind("expr: ", 0) == 0);
    for (const std::string& piece : b.mentions) CHECK(message.find(piece) != std::string::npos);
  }
}

TEST_CASE("bad expr specs: keys, parameters, view box") {
  const std::vector<Bad> bad = {
      {"expr", {"missing f=<formula>"}},
      {"expr:a=1", {"missing f=<formula>"}},
      {"expr:f=", {"key 'f' has no value"}},
      {"expr:f=a*x^2+y^2,a=1,b=2", {"parameter 'b' is given but the formula does not use it"}},
      {"expr:f=x^2+y^2,x=1", {"'x' is a variable"}},
      {"expr:f=x^2+y^2,pi=3", {"'pi' is a constant"}},
      {"expr:f=x^2+y^2,sin=3", {"'sin' is a function"}},
      {"expr:f=a*x^2,a=abc", {"expr: a: 'abc' is not a number"}},
      {"expr:f=a*x^2,a=inf", {"'inf' is not a finite number"}},
      {"expr:f=x^2,xmin=3", {"xmin must be below xmax"}},
      {"expr:f=x^2,ymin=2,ymax=-2", {"ymin must be below ymax"}},
      {"expr:f=x1^2,ymin=0", {"unknown key 'ymin'"}},
      {"expr:f=x^2,xmin=nan", {"xmin"}},
  };
  for (const Bad& b : bad) {
    const std::string message = messageOf(b.spec);
    INFO(b.spec << "\n -> " << message);
    for (const std::string& piece : b.mentions) CHECK(message.find(piece) != std::string::npos);
  }
}

// `expr:` specs: the parameter table a GUI builds fields from, canonical specs that read back,
// the view box and start keys, and no allocation when an optimizer evaluates the gradient.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/objectives/expr/expr_objective.h"
#include "core/objectives/objective.h"
#include "core/util/spec_error.h"
#include "support/allocation_counter.h"

using namespace optiscope;
using namespace optiscope::testing;

namespace {

std::vector<std::string> namesOf(const std::vector<ParamInfo>& table) {
  std::vector<std::string> names;
  for (const ParamInfo& p : table) names.push_back(p.name);
  return names;
}

}  // namespace

TEST_CASE("formula parameters are real parameters with fields of their own") {
  const ObjectiveConfig config = parseObjectiveSpec("expr:f=a*x^2+b*y^2,a=1,b=10");
  CHECK(config.name == "expr");
  CHECK(config.values.text("f") == "a*x^2+b*y^2");
  CHECK(config.values.real("a") == 1.0);
  CHECK(config.values.real("b") == 10.0);
  const std::vector<ParamInfo> table = objectiveParams(config);
  CHECK(namesOf(table) ==
        std::vector<std::string>{"f", "a", "b", "xmin", "xmax", "ymin", "ymax", "x0", "y0"});
  CHECK(table[0].kind == ParamKind::Text);
  CHECK(table[1].kind == ParamKind::Real);
  CHECK(makeObjective(config)->value(Eigen::Vector2d(2.0, 1.0)) == 14.0);
  // N-d formulas have one box and one start for every coordinate.
  CHECK(namesOf(objectiveParams(parseObjectiveSpec("expr:f=c*x1+x2,c=2"))) ==
        std::vector<std::string>{"f", "c", "xmin", "xmax", "x0"});
}

TEST_CASE("canonical expr specs read back to the same configuration") {
  for (const char* text : {"expr:f=a*x^2+b*y^2,a=1,b=10", "expr:f=(1-x)^2+100*(y-x^2)^2",
                           "expr:f=atan2(y, x) + min(x,y)", "expr:f=x1^2+x3,xmin=-1,x0=0.5",
                           "expr:f=x^2,xmin=0,xmax=8,ymin=1,ymax=3"}) {
    INFO(text);
    const ObjectiveConfig config = parseObjectiveSpec(text);
    const std::string spec = config.spec();
    CHECK(spec.rfind("expr:f=", 0) == 0);
    CHECK(parseObjectiveSpec(spec) == config);
  }
  CHECK(parseObjectiveSpec("expr:f=a*x^2+b*y^2,a=1,b=10").spec() ==
        "expr:f=a*x^2+b*y^2,a=1,b=10,xmin=-2,xmax=2,ymin=-2,ymax=2,x0=-1.5,y0=1.5");
}

TEST_CASE("view box and start: defaults, keys, and a start that follows the box") {
  const auto plain = makeObjective("expr:f=x^2+y^2");
  CHECK(plain->viewBox().lower == Eigen::Vector2d(-2.0, -2.0));
  CHECK(plain->viewBox().upper == Eigen::Vector2d(2.0, 2.0));
  CHECK(plain->defaultStart() == Eigen::Vector2d(-1.5, 1.5));
  const auto boxed = makeObjective("expr:f=x^2+y^2,xmin=0,xmax=8,ymin=1,ymax=3");
  CHECK(boxed->viewBox().lower == Eigen::Vector2d(0.0, 1.0));
  CHECK(boxed->defaultStart() == Eigen::Vector2d(1.0, 2.75));
  CHECK(makeObjective("expr:f=x^2+y^2,x0=0.25,y0=-1")->defaultStart() ==
        Eigen::Vector2d(0.25, -1.0));
  const auto nd = makeObjective("expr:f=x1^2+x2^2+x3^2,xmin=-4,xmax=4");
  CHECK(nd->defaultStart() == Eigen::Vector3d(-3.0, -3.0, -3.0));
  CHECK(nd->viewBox().upper == Eigen::Vector3d(4.0, 4.0, 4.0));
}

TEST_CASE("expr is found by name, listed as a typed surface, and not in the built-in catalog") {
  CHECK(findObjective("expr").name == "expr");
  REQUIRE(typedObjectiveCatalog().size() == 1);
  CHECK(typedObjectiveCatalog()[0].name == "expr");
  for (const ObjectiveInfo& info : objectiveCatalog()) CHECK(info.name != "expr");
  CHECK_THROWS_WITH(parseObjectiveSpec("nosuch"), Catch::Contains("expr:f=<formula>"));
}

TEST_CASE("an optimizer's gradient evaluations allocate nothing after the first") {
  const auto f = makeObjective("expr:f=(1-x)^2+100*(y-x^2)^2+sin(x*y)/(1+x^2)");
  Eigen::VectorXd x = Eigen::Vector2d(-1.5, 2.0), g(2);
  f->valueAndGradient(x, g);  // grows this thread's scratch once
  double sum = 0.0;
  std::size_t allocations = 0;
  {
    AllocationCountingScope scope;
    for (int k = 0; k < 100; ++k) {
      sum += f->valueAndGradient(x, g) + f->value(x);
      x -= 1e-4 * g;
    }
    allocations = scope.allocations();
  }
  CHECK(allocations == 0);
  CHECK(std::isfinite(sum));
}

TEST_CASE("the same config always builds the same surface; clones are independent") {
  const auto a = makeObjective("expr:f=a*sin(x)+y^2,a=2");
  const auto b = a->clone();
  CHECK(b->name() == "expr");
  const Eigen::Vector2d at(0.7, -0.2);
  CHECK(a->value(at) == b->value(at));
  CHECK(dynamic_cast<const ExprObjective&>(*b).formula() == "a*sin(x)+y^2");
}

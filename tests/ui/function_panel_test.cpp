#include "ui/landscape/function_panel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

#include "core/engine/objective_problem.h"
#include "core/objectives/objective.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::typeInto;

namespace {

struct Fixture {
  LandscapeController controller;
  FunctionPanel panel{&controller};
  Fixture() {
    controller.loadDefaultScene();
    panel.show();
  }
  void pick(const QString& name) {
    QComboBox* picker = panel.functionEditor()->picker();
    const int index = picker->findText(name);
    REQUIRE(index >= 0);
    picker->setCurrentIndex(index);
    emit picker->activated(index);
  }
  Eigen::VectorXd runStart(RunId id) const { return *controller.runConfig(id).start; }
};

}  // namespace

TEST_CASE("the picker lists every built-in function", "[ui][function]") {
  Fixture f;
  QComboBox* picker = f.panel.functionEditor()->picker();
  REQUIRE(picker->count() == static_cast<int>(objectiveCatalog().size()));
  for (const ObjectiveInfo& info : objectiveCatalog())
    CHECK(picker->findText(QString::fromStdString(info.name)) >= 0);
}

TEST_CASE("picking a function resets the start to its default, and its parameters are editable",
          "[ui][function]") {
  Fixture f;
  f.pick("quadratic");
  CHECK(f.controller.objective().name == "quadratic");
  const Eigen::VectorXd start = makeObjective("quadratic")->defaultStart();
  CHECK(f.controller.start() == start);
  for (RunId id : f.controller.runIds()) CHECK(f.runStart(id) == start);

  ParamForm* form = f.panel.functionEditor()->form();
  REQUIRE(form->field("condition") != nullptr);
  REQUIRE(form->field("angle") != nullptr);
  typeInto(form->field("condition")->lineEdit(), "100");
  typeInto(form->field("angle")->lineEdit(), "30");
  CHECK(f.controller.objective().values.real("condition") == 100.0);
  CHECK(f.controller.objective().values.real("angle") == 30.0);
  const RunId first = f.controller.runIds().front();
  CHECK(objectiveProblemOf(f.controller.runConfig(first).problem.get())->objectiveConfig() ==
        f.controller.objective());

  typeInto(form->field("condition")->lineEdit(), "0");  // a condition number is >= 1
  CHECK(f.controller.objective().values.real("condition") == 100.0);
  CHECK(form->field("condition")->hasError());
}

TEST_CASE("N-d functions are used in 2D, without a dim field", "[ui][function]") {
  Fixture f;
  f.pick("rastrigin");
  CHECK(f.controller.objective().name == "rastrigin");
  CHECK(f.controller.start().size() == 2);
  CHECK(f.panel.functionEditor()->form()->field("dim") == nullptr);
}

TEST_CASE("the start is typed as exact coordinates", "[ui][function]") {
  Fixture f;
  ParamForm* start = f.panel.startForm();
  typeInto(start->field("x")->lineEdit(), "0.1");
  typeInto(start->field("y")->lineEdit(), "-1.25e-3");
  CHECK(f.controller.start()[0] == 0.1);
  CHECK(f.controller.start()[1] == -1.25e-3);
  for (RunId id : f.controller.runIds()) CHECK(f.runStart(id) == f.controller.start());

  typeInto(start->field("x")->lineEdit(), "1,5");
  CHECK(f.controller.start()[0] == 0.1);
  CHECK(start->field("x")->hasError());

  // A start set elsewhere (a click on the map) shows in the fields.
  typeInto(start->field("x")->lineEdit(), "0.1");
  Eigen::VectorXd clicked(2);
  clicked << 0.75, 2.5;
  f.controller.setStart(clicked);
  CHECK(start->field("x")->lineEdit()->text() == "0.75");
  CHECK(start->field("y")->lineEdit()->text() == "2.5");
}

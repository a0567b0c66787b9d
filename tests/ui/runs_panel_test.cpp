// The runs panel edits the engine's runs: every test checks the controller's (and through it
// the engine's) configuration, not just what the widgets show.
#include "ui/common/runs_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/optim/registry.h"
#include "ui/common/param_field.h"
#include "ui/common/param_form.h"
#include "ui/common/run_card.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_run_extras.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::typeInto;
using optiscope::testing::waitUntil;

namespace {

struct Fixture {
  LandscapeController controller;
  LandscapeRunExtras extras{&controller};
  RunsPanel panel{&controller, &extras};
  Fixture() {
    controller.loadDefaultScene();  // SGD lr=0.001 first
    panel.resize(420, 900);
    panel.show();
    panel.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&panel));
  }
  RunId firstRun() const { return controller.runIds().front(); }
  ParamField* field(RunId id, const std::string& key) {
    return panel.card(id)->optimizerEditor()->form()->field(key);
  }
  ParamForm* noiseForm(RunCard* card) { return static_cast<ParamForm*>(card->pageDetails()); }
};

}  // namespace

TEST_CASE("editing a learning rate in the panel changes the engine's run", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();
  REQUIRE(f.controller.runConfig(id).optimizer.values.real("lr") == 0.001);
  typeInto(f.field(id, "lr")->lineEdit(), "0.0025");
  CHECK(f.controller.runConfig(id).optimizer.values.real("lr") == 0.0025);
  CHECK_FALSE(f.field(id, "lr")->hasError());

  // The engine itself uses it: SGD's next update applies exactly the new lr.
  f.controller.step(3);
  REQUIRE(f.controller.waitUntilIdle(5000));
  const RunSnapshot* run = f.controller.snapshot()->find(id);
  REQUIRE(run != nullptr);
  CHECK(run->config->optimizer.values.real("lr") == 0.0025);
  CHECK(run->lastLr == 0.0025);
}

TEST_CASE("an invalid entry is shown in place and the last valid value is kept", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();
  ParamField* lr = f.field(id, "lr");
  typeInto(lr->lineEdit(), "0.004");
  REQUIRE(f.controller.runConfig(id).optimizer.values.real("lr") == 0.004);

  for (const char* bad : {"-1", "abc", ""}) {
    INFO("entry '" << bad << "'");
    typeInto(lr->lineEdit(), bad);
    CHECK(f.controller.runConfig(id).optimizer.values.real("lr") == 0.004);
    CHECK(lr->hasError());
    const QLabel* message = lr->findChild<QLabel*>();
    REQUIRE(message != nullptr);
    CHECK(message->isVisible());
    CHECK(message->text().contains("keeping 0.004"));
    CHECK(lr->lineEdit()->styleSheet().contains("border"));
    CHECK(lr->lineEdit()->text() == QString(bad));  // the entry stays for the user to fix
  }
  CHECK(lr->findChild<QLabel*>()->text().contains("lr"));

  // Fixing the entry applies it and clears the problem.
  typeInto(lr->lineEdit(), "0.003");
  CHECK(f.controller.runConfig(id).optimizer.values.real("lr") == 0.003);
  CHECK_FALSE(lr->hasError());
  CHECK(lr->lineEdit()->styleSheet().isEmpty());
}

TEST_CASE("a rule across fields is reported next to the field that broke it", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();  // sgd with momentum 0: Nesterov is not allowed
  f.panel.card(id)->setExpanded(true);
  ParamField* nesterov = f.field(id, "nesterov");
  REQUIRE(nesterov != nullptr);
  auto* box = nesterov->findChild<QCheckBox*>();
  REQUIRE(box != nullptr);
  QTest::mouseClick(box, Qt::LeftButton);
  CHECK_FALSE(f.controller.runConfig(id).optimizer.values.flag("nesterov"));
  CHECK(nesterov->hasError());
  CHECK(nesterov->findChild<QLabel*>()->text().contains("momentum"));
}

TEST_CASE("the learning-rate slider is logarithmic and applies live", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();
  QSlider* slider = f.field(id, "lr")->slider();
  REQUIRE(slider != nullptr);
  // 20 notches per decade: ten notches up multiply lr by sqrt(10).
  const double before = f.controller.runConfig(id).optimizer.values.real("lr");
  slider->setSliderPosition(slider->value() + 20);
  const double after = f.controller.runConfig(id).optimizer.values.real("lr");
  CHECK(after == Approx(before * 10.0).epsilon(0.01));
  slider->triggerAction(QAbstractSlider::SliderPageStepSub);
  CHECK(f.controller.runConfig(id).optimizer.values.real("lr") < after);
}

TEST_CASE("every optimizer of the library can be added, and its fields cover its table",
          "[ui][runs]") {
  Fixture f;
  for (const OptimizerInfo& info : optimizerCatalog()) {
    INFO(info.name);
    f.panel.addRun(QString::fromStdString(info.name));
    const RunId id = f.controller.runIds().back();
    CHECK(f.controller.runConfig(id).optimizer.name == info.name);
    CHECK(f.controller.selectedRun() == id);
    ParamForm* form = f.panel.card(id)->optimizerEditor()->form();
    CHECK(form->rowCount() == static_cast<int>(info.params.size()));
    for (const ParamInfo& param : info.params) CHECK(form->field(param.name) != nullptr);
  }
}

TEST_CASE("switching optimizer, schedule and noise from the panel", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();
  RunCard* editor = f.panel.card(id);
  editor->setExpanded(true);

  QComboBox* optimizers = editor->optimizerEditor()->picker();
  emit optimizers->activated(optimizers->findText("adam"));
  CHECK(f.controller.runConfig(id).optimizer.name == "adam");
  CHECK(editor->optimizerEditor()->form()->field("amsgrad") != nullptr);

  QComboBox* schedules = editor->scheduleEditor()->picker();
  emit schedules->activated(schedules->findText("cosine"));
  CHECK(f.controller.runConfig(id).schedule.name == "cosine");
  // An integer parameter: a spin box, applied on Enter.
  auto* tMax = editor->scheduleEditor()->form()->field("t_max")->findChild<QSpinBox*>();
  REQUIRE(tMax != nullptr);
  tMax->setFocus();
  tMax->selectAll();
  QTest::keyClicks(tMax, "250");
  QTest::keyClick(tMax, Qt::Key_Return);
  CHECK(f.controller.runConfig(id).schedule.values.integer("t_max") == 250);
  typeInto(editor->scheduleEditor()->form()->field("eta_min")->lineEdit(), "1e-5");
  CHECK(f.controller.runConfig(id).schedule.values.real("eta_min") == 1e-5);

  // Noise restarts the run (same id, same card).
  f.controller.step(5);
  REQUIRE(f.controller.waitUntilIdle(5000));
  const long long generation = f.controller.runSnapshot(id)->generation;
  typeInto(f.noiseForm(editor)->field("noise σ")->lineEdit(), "0.25");
  CHECK(f.controller.runIds().front() == id);
  CHECK(f.panel.card(id) == editor);
  CHECK(f.controller.noiseSigma(id) == 0.25);
  CHECK(f.controller.runConfig(id).optimizer.name == "adam");
  REQUIRE(f.controller.waitUntilIdle(5000));
  CHECK(f.controller.runSnapshot(id)->step == 0);
  CHECK(f.controller.runSnapshot(id)->generation == generation + 1);
  typeInto(f.noiseForm(editor)->field("noise σ")->lineEdit(), "-3");
  CHECK(f.controller.noiseSigma(id) == 0.25);
  CHECK(f.noiseForm(editor)->field("noise σ")->hasError());
}

TEST_CASE("duplicate, remove, visibility and the label in its color", "[ui][runs]") {
  Fixture f;
  const RunId id = f.firstRun();
  RunCard* editor = f.panel.card(id);
  const QColor color = f.controller.style(id).color;
  CHECK(editor->labelEdit()->palette().color(QPalette::Text) == color);
  CHECK(editor->labelEdit()->text() == "SGD");

  typeInto(f.field(id, "lr")->lineEdit(), "0.002");
  f.panel.duplicateSelectedRun();  // the edited run became the selected one
  REQUIRE(f.controller.runIds().size() == 6);
  const RunId copy = f.controller.runIds().back();
  CHECK(f.controller.runConfig(copy).optimizer == f.controller.runConfig(id).optimizer);
  CHECK(f.controller.style(copy).color != color);
  CHECK(f.panel.cardCount() == 6);

  QTest::mouseClick(editor->visibleBox(), Qt::LeftButton);
  CHECK_FALSE(f.controller.style(id).visible);

  typeInto(editor->labelEdit(), "slow SGD");
  CHECK(f.controller.style(id).label == "slow SGD");

  f.panel.removeSelectedRun();  // the run touched last: the first
  CHECK(f.controller.runIds().size() == 5);
  CHECK(waitUntil([&] { return f.panel.cardCount() == 5; }));
}

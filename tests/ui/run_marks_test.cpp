// What a run's card and the landscape tell about it at a glance: which run diverged (issue 12,
// item 7), the settings that differ from the defaults on a collapsed card, a title that reads
// on the light theme, a rename that is suggested, and sensible starting rates.
#include <qcustomplot.h>

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

#include "core/optim/registry.h"
#include "ui/app_window.h"
#include "ui/common/run_card.h"
#include "ui/common/run_palette.h"
#include "ui/common/runs_panel.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_page.h"
#include "ui/network/network_run_extras.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

struct Fixture {
  AppWindow app;
  LandscapeController& controller = app.landscapeController;
  RunsPanel* panel = app.landscape->runsPanel();
  Fixture() {
    app.window.resize(1280, 800);
    app.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  }
  void stepAndSettle(long long steps) {
    controller.step(steps);
    REQUIRE(controller.waitUntilIdle(20000));
    QApplication::processEvents();
  }
};

bool isRed(const QLabel* label) { return label->styleSheet().contains(QStringLiteral("#d62728")); }

}  // namespace

TEST_CASE("a diverged run is marked on its card, in the legend and where its path ends",
          "[ui][runs]") {
  Fixture f;
  const RunId steady = f.controller.runIds().front();
  const RunId wild = f.controller.addRun(parseOptimizerSpec("sgd:lr=0.01"));  // diverges here
  f.stepAndSettle(300);
  const RunSnapshot* run = f.controller.runSnapshot(wild);
  REQUIRE(run->diverged);
  const QString step = QStringLiteral("diverged at step %L1").arg(run->divergedAt);

  QLabel* status = f.panel->card(wild)->statusLabel();
  CHECK(status->text().contains(step));
  CHECK(status->isVisibleTo(f.panel));
  CHECK(isRed(status));
  CHECK_FALSE(isRed(f.panel->card(steady)->statusLabel()));

  QCPLegend* legend = f.app.landscape->view()->plot()->legend;
  QStringList names;
  for (int i = 0; i < legend->itemCount(); ++i)
    if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
      names << item->plottable()->name();
  CHECK(names.filter(step).size() == 1);

  QCPItemText* label = f.app.landscape->view()->divergenceLabel(wild);
  REQUIRE(label);
  CHECK(label->visible());
  CHECK(label->text().contains(step));
  const std::vector<Eigen::Vector2d>& path = f.app.landscape->view()->drawnPath(wild);
  const auto last = std::find_if(path.rbegin(), path.rend(),
                                 [](const Eigen::Vector2d& p) { return p.allFinite(); });
  REQUIRE(last != path.rend());
  CHECK(label->position->coords() == QPointF(last->x(), last->y()));
  CHECK_FALSE(f.app.landscape->view()->divergenceLabel(steady)->visible());

  // A reset clears every mark.
  f.controller.resetAll();
  REQUIRE(f.controller.waitUntilIdle(5000));
  QApplication::processEvents();
  CHECK_FALSE(isRed(status));
  CHECK_FALSE(label->visible());
}

TEST_CASE("a diverged network run says where on its card", "[ui][runs][network]") {
  // The card (shared by both pages) turns the line red as above; the Network page's line
  // names the step too.
  NetworkRunExtras extras;
  RunSnapshot run;
  run.epochs = EpochProgress{};
  run.diverged = true;
  run.divergedAt = 1234;
  CHECK(extras.status(&run).contains(QStringLiteral("diverged at step %L1").arg(1234)));
}

TEST_CASE("a collapsed card names the settings that differ from the defaults", "[ui][runs]") {
  Fixture f;
  RunCard* momentum = nullptr;
  for (RunId id : f.controller.runIds())
    if (f.controller.style(id).label == QStringLiteral("Momentum")) momentum = f.panel->card(id);
  REQUIRE(momentum);
  momentum->setExpanded(false);
  QLabel* changes = momentum->optimizerEditor()->changesLabel();
  CHECK(changes->isVisibleTo(momentum));
  CHECK(changes->text() == QStringLiteral("momentum 0.9"));
  momentum->setExpanded(true);  // the fields themselves show
  CHECK_FALSE(changes->isVisibleTo(momentum));

  RunCard* sgd = f.panel->cardAt(0);  // plain SGD: nothing to add
  sgd->setExpanded(false);
  CHECK(sgd->optimizerEditor()->changesLabel()->text().isEmpty());
  CHECK_FALSE(sgd->optimizerEditor()->changesLabel()->isVisibleTo(sgd));
}

TEST_CASE("run titles read on the light theme; the swatch keeps the true color", "[ui][runs]") {
  const QColor white(Qt::white), dark(0x2b, 0x2b, 0x2b);
  for (int k = 0; k < 8; ++k) {
    const QColor color = runColor(k);
    CHECK(contrastRatio(readableOn(color, white), white) >= 1.5);
    CHECK(contrastRatio(readableOn(color, dark), dark) >= 1.5);
  }
  const QColor yellow = runColor(6);  // Okabe–Ito's yellow: 1.2 on white
  REQUIRE(contrastRatio(yellow, white) < 3.0);
  CHECK(readableOn(yellow, dark) == yellow);  // already readable: unchanged
  const QColor darker = readableOn(yellow, white);
  CHECK(contrastRatio(darker, white) >= 3.0);
  CHECK(std::abs(darker.hue() - yellow.hue()) <= 2);  // still a yellow, only darker
  CHECK(darker.value() < yellow.value());

  Fixture f;
  QPalette light = f.panel->palette();
  light.setColor(QPalette::Window, white);
  f.panel->setPalette(light);
  QApplication::processEvents();
  f.panel->addRun();
  f.panel->addRun();  // the seventh run: yellow
  RunCard* seventh = f.panel->cardAt(6);
  REQUIRE(f.controller.style(seventh->runId()).color == yellow);
  QApplication::processEvents();
  const QColor title = seventh->labelEdit()->palette().color(QPalette::Text);
  CHECK(contrastRatio(title, white) >= 3.0);
  CHECK(f.controller.style(seventh->runId()).color == yellow);  // the run keeps its color
}

TEST_CASE("renaming a run is suggested and one click away", "[ui][runs]") {
  Fixture f;
  RunCard* card = f.panel->cardAt(0);
  QLineEdit* label = card->labelEdit();
  CHECK(label->placeholderText().contains(QStringLiteral("name")));
  CHECK(label->toolTip().contains(QStringLiteral("rename")));
  QToolButton* pencil = card->renameButton();
  REQUIRE(pencil);
  CHECK_FALSE(pencil->icon().isNull());
  f.app.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&f.app.window));
  pencil->click();
  CHECK(waitUntil([&] { return label->hasFocus(); }, 2000));
  CHECK(label->selectedText() == label->text());
  QTest::keyClicks(label, QStringLiteral("Heavy ball"));
  QTest::keyClick(label, Qt::Key_Return);
  CHECK(f.controller.style(card->runId()).label == QStringLiteral("Heavy ball"));
}

TEST_CASE("runs added on the Landscape page start at rates that move on 2D surfaces",
          "[ui][runs]") {
  Fixture f;
  f.panel->addRun(QStringLiteral("lion"));
  const RunId lion = f.controller.selectedRun();
  CHECK(f.controller.runConfig(lion).optimizer.values.real("lr") == 0.05);  // torch: 1e-4
  // Picking another optimizer in a card starts it at that optimizer's rate too.
  SpecEditor* editor = f.panel->card(lion)->optimizerEditor();
  const int adam = editor->picker()->findText(QStringLiteral("adam"));
  editor->picker()->setCurrentIndex(adam);
  emit editor->picker()->activated(adam);
  CHECK(f.controller.runConfig(lion).optimizer.name == "adam");
  CHECK(f.controller.runConfig(lion).optimizer.values.real("lr") == 0.1);  // torch: 1e-3
  // The Network page keeps torch's defaults.
  f.app.window.showPage(1);
  f.app.network->runsPanel()->addRun(QStringLiteral("lion"));
  const RunId networkLion = f.app.networkController.selectedRun();
  CHECK(f.app.networkController.runConfig(networkLion).optimizer.values.real("lr") == 1e-4);
}

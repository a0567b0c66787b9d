// File → Export animation… (issue 13, item 3): the page's runs from the start as a GIF.
#include "ui/common/animation_export.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QPointer>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

#include "core/engine/snapshot.h"
#include "ui/app_window.h"
#include "ui/common/animation_export_dialog.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/main_window.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

TEST_CASE("Export animation… records the runs from the start and says where they end",
          "[ui][export][gif]") {
  AppWindow app;
  app.window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&app.window));
  app.landscapeController.step(40);
  REQUIRE(app.landscapeController.waitUntilIdle(30000));
  AnimationExportDialog* dialog = app.window.openAnimationExport();
  CHECK(dialog->stepsBox()->value() == 40);  // where the runs are now
  dialog->stepsBox()->setValue(60);
  dialog->framesBox()->setValue(6);
  dialog->widthBox()->setValue(320);
  dialog->heightBox()->setValue(240);
  CHECK(dialog->findChild<QLabel*>() != nullptr);
  QTemporaryDir dir;
  dialog->setFileChooser([&](const QString& suggested) {
    CHECK(suggested.endsWith(QStringLiteral(".gif")));
    return dir.filePath("race");
  });
  QPointer<AnimationExportDialog> alive(dialog);
  dialog->exportChosen();
  REQUIRE(QFile::exists(dir.filePath("race.gif")));
  QImageReader reader(dir.filePath("race.gif"));
  CHECK(reader.imageCount() == 6);
  CHECK(reader.size() == QSize(320, 240));
  CHECK(waitUntil([&] { return alive.isNull(); }));
  // The runs were played again from the start and stand where the last frame shows them.
  for (RunId id : app.landscapeController.runIds()) {
    const RunSnapshot* run = app.landscapeController.runSnapshot(id);
    REQUIRE(run);
    CHECK((run->step == 60 || run->diverged));
  }
}

TEST_CASE("a cancelled recording leaves no file", "[ui][export][gif]") {
  AppWindow app;
  app.window.show();
  QTemporaryDir dir;
  AnimationOptions options;
  options.steps = 100;
  options.frames = 10;
  options.size = QSize(200, 150);
  const QString error = recordAnimation(*app.landscape, options, dir.filePath("never.gif"),
                                        [](int frame) { return frame < 3; });
  CHECK(error == QStringLiteral("cancelled"));
  CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
  options.frames = 1;
  CHECK_FALSE(recordAnimation(*app.landscape, options, dir.filePath("never.gif")).isEmpty());
  CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

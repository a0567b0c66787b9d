#include "ui/landscape/scene_store.h"

#include <QSettings>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "ui/app_window.h"
#include "ui/common/playback_controls.h"
#include "ui/landscape/default_scene.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/side_plots.h"
#include "ui/window_session.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// A scene that differs from the default in every remembered respect.
void buildCustomScene(LandscapeController& controller) {
  controller.clearRuns();
  Eigen::VectorXd start(2);
  start << 0.1, -1.0 / 3.0;  // not a short decimal: must come back bit for bit
  controller.setObjective(parseObjectiveSpec("quadratic:condition=50,angle=30"), start);
  controller.addRun(parseOptimizerSpec("adam:lr=0.0123,amsgrad=true"),
                    parseScheduleSpec("cosine:t_max=77"), 0.25, 9,
                    RunStyle{"Adam + cosine", QColor(0x12, 0x34, 0x56), false});
  controller.addRun(parseOptimizerSpec("rmsprop:lr=0.007,centered=true"),
                    parseScheduleSpec("sequence:first=linear(total_iters=10),then=cosine(t_max=90),"
                                      "milestone=10"));
}

void checkSameScene(const SceneDescription& a, const SceneDescription& b) {
  CHECK(a.function == b.function);
  CHECK(a.start == b.start);
  REQUIRE(a.runs.size() == b.runs.size());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    CHECK(a.runs[i].label == b.runs[i].label);
    CHECK(a.runs[i].color == b.runs[i].color);
    CHECK(a.runs[i].visible == b.runs[i].visible);
    CHECK(a.runs[i].optimizer == b.runs[i].optimizer);
    CHECK(a.runs[i].schedule == b.runs[i].schedule);
    CHECK(a.runs[i].noiseSigma == b.runs[i].noiseSigma);
    CHECK(a.runs[i].noiseSeed == b.runs[i].noiseSeed);
  }
}

}  // namespace

TEST_CASE("the scene survives a QSettings round trip exactly", "[ui][settings]") {
  QTemporaryDir dir;
  const QString path = dir.filePath("optiscope.ini");
  LandscapeController original;
  buildCustomScene(original);
  const SceneDescription saved = captureScene(original);
  {
    QSettings settings(path, QSettings::IniFormat);
    writeScene(settings, saved);
  }
  QSettings settings(path, QSettings::IniFormat);
  LandscapeController restored;
  restored.loadDefaultScene();
  REQUIRE(restoreSceneOrDefault(settings, restored));
  checkSameScene(captureScene(restored), saved);
  CHECK(restored.objective() == original.objective());
  const RunId first = restored.runIds().front();
  CHECK(restored.runConfig(first).optimizer ==
        original.runConfig(original.runIds().front()).optimizer);
  CHECK(restored.noiseSeed(first) == 9);
}

TEST_CASE("damaged settings fall back to the default scene", "[ui][settings]") {
  QTemporaryDir dir;
  const QString path = dir.filePath("optiscope.ini");
  const std::vector<std::pair<QString, QVariant>> damage = {
      {"scene/function", "no_such_function"},
      {"scene/start", "[1,"},
      {"scene/version", 99},
      {"scene/runs/1/optimizer", "adam:lr=-5"},
      {"scene/runs/1/noiseSigma", "lots"},
      {"scene/runs/size", 100000},
  };
  for (const auto& [key, value] : damage) {
    INFO(key.toStdString());
    {
      QFile::remove(path);
      QSettings settings(path, QSettings::IniFormat);
      LandscapeController source;
      buildCustomScene(source);
      writeScene(settings, captureScene(source));
      settings.setValue(key, value);
    }
    QSettings settings(path, QSettings::IniFormat);
    LandscapeController controller;
    buildCustomScene(controller);
    CHECK_FALSE(restoreSceneOrDefault(settings, controller));
    CHECK(controller.objective().spec() == parseObjectiveSpec("rosenbrock").spec());
    CHECK(controller.runIds().size() == defaultSceneRuns().size());
  }
}

TEST_CASE("a file of garbage and an empty file give the default scene", "[ui][settings]") {
  QTemporaryDir dir;
  const QString path = dir.filePath("optiscope.ini");
  {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("[scene]\nfunction=\"\nstart=@ByteArray(\\0\\xff)\n[[[\nruns\\size=-3\n\x01\x02");
  }
  QSettings settings(path, QSettings::IniFormat);
  LandscapeController controller;
  CHECK_FALSE(restoreSceneOrDefault(settings, controller));
  CHECK(controller.runIds().size() == defaultSceneRuns().size());

  QSettings empty(dir.filePath("empty.ini"), QSettings::IniFormat);
  CHECK_FALSE(restoreSceneOrDefault(empty, controller));
  CHECK(controller.runIds().size() == defaultSceneRuns().size());
}

TEST_CASE("the window session remembers geometry, step axis, speed and scene", "[ui][settings]") {
  QTemporaryDir dir;
  const QString path = dir.filePath("optiscope.ini");
  SceneDescription saved;
  {
    AppWindow app;
    buildCustomScene(app.landscapeController);
    app.window.resize(1100, 760);
    app.landscape->sidePlots()->setLogStepAxis(false);
    app.window.speedControl()->setSpeed(1000.0);
    saved = captureScene(app.landscapeController);
    QSettings settings(path, QSettings::IniFormat);
    saveSession(settings, app.window, *app.landscape);
  }
  AppWindow app;
  QSettings settings(path, QSettings::IniFormat);
  CHECK(restoreSession(settings, app.window, *app.landscape));
  CHECK(app.window.size() == QSize(1100, 760));
  CHECK_FALSE(app.landscape->sidePlots()->logStepAxis());
  CHECK(app.landscapeController.speed() == 1000.0);
  checkSameScene(captureScene(app.landscapeController), saved);
}

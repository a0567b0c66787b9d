// The window's scene as a document: the modified mark, Save / Discard / Cancel before anything
// replaces unsaved work, bad files refused with the scene kept, undo, drops, recent files, and
// the session that is autosaved between launches.
#include "ui/document.h"

#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>
#include <catch2/catch.hpp>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "ui/app_window.h"
#include "ui/widget_test_support.h"
#include "ui/window_session.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace {

struct Window {
  AppWindow app;
  QString chosenFile;
  Document::Answer answer = Document::Answer::Cancel;
  QStringList asked, told;

  Window() {
    document().setDialogs(
        [this](const QString& action) {
          asked << action;
          return answer;
        },
        [this](bool, const QString&) { return chosenFile; },
        [this](const QString&, const QString& message) { told << message; });
  }
  Document& document() { return *app.window.document(); }
  LandscapeController& landscape() { return app.landscapeController; }
  std::size_t landscapeRuns() { return landscape().runIds().size(); }
};

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  QFile file(dir.filePath(name));
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(text);
  return file.fileName();
}

}  // namespace

TEST_CASE("an edit marks the scene modified; the title shows it and Save clears it",
          "[ui][document]") {
  Window w;
  QTemporaryDir dir;
  CHECK_FALSE(w.document().isModified());
  CHECK(w.app.window.windowTitle().startsWith("Untitled"));
  w.landscape().addRun(parseOptimizerSpec("adam"));
  CHECK(w.document().isModified());
  CHECK(w.app.window.isWindowModified());
  // Save without a file asks for one; a name without the extension gets it.
  w.chosenFile = dir.filePath("race");
  REQUIRE(w.document().save());
  CHECK(QFile::exists(dir.filePath("race.optiscope.json")));
  CHECK_FALSE(w.document().isModified());
  CHECK(w.app.window.windowTitle().startsWith("race.optiscope.json"));
  CHECK(readExperimentFile(dir.filePath("race.optiscope.json").toStdString())
            .landscape->runs.size() == 6);
}

TEST_CASE("New, Open and closing ask before unsaved changes go: Cancel keeps everything",
          "[ui][document]") {
  Window w;
  QTemporaryDir dir;
  w.landscape().addRun(parseOptimizerSpec("adam"));
  REQUIRE(w.landscapeRuns() == 6);

  w.answer = Document::Answer::Cancel;
  CHECK_FALSE(w.document().newScene());
  CHECK(w.landscapeRuns() == 6);
  Experiment other = defaultExperiment();
  other.landscape->runs.resize(2);
  const QString path = dir.filePath("two.optiscope.json");
  writeExperimentFile(path.toStdString(), other);
  CHECK_FALSE(w.document().open(path));
  CHECK(w.landscapeRuns() == 6);
  CHECK_FALSE(w.app.window.close());
  CHECK(w.asked.size() == 3);
  CHECK(w.document().isModified());

  // Discard replaces the scene.
  w.answer = Document::Answer::Discard;
  REQUIRE(w.document().open(path));
  CHECK(w.landscapeRuns() == 2);
  CHECK_FALSE(w.document().isModified());

  // Save writes the changes first (to a file chosen then), then goes on.
  w.landscape().addRun(parseOptimizerSpec("rmsprop"));
  w.answer = Document::Answer::Save;
  w.chosenFile = dir.filePath("kept.optiscope.json");
  REQUIRE(w.document().newScene());
  CHECK(w.landscapeRuns() == 5);                                              // the default scene
  CHECK(readExperimentFile(path.toStdString()).landscape->runs.size() == 3);  // saved to its file
}

TEST_CASE("a bad file is refused with its JSON path and line; the scene stays", "[ui][document]") {
  Window w;
  QTemporaryDir dir;
  w.landscape().addRun(parseOptimizerSpec("adam"));
  const QString bad = writeText(dir, "bad.optiscope.json", R"({
  "format": "optiscope-experiment", "version": 1, "page": "landscape",
  "landscape": {"function": "rosenbrock",
    "runs": [{"name": "a", "color": "#123456", "optimizer": "adam:betas=3"}]}
})");
  CHECK_FALSE(w.document().open(bad));
  REQUIRE(w.told.size() == 1);
  CHECK(w.told[0].contains("landscape.runs[0].optimizer"));
  CHECK(w.told[0].contains("line 4"));
  CHECK(w.asked.isEmpty());  // refused before anything was asked or changed
  CHECK(w.landscapeRuns() == 6);
  CHECK(w.document().isModified());
  CHECK_FALSE(w.document().open(dir.filePath("missing.optiscope.json")));
  CHECK(w.told.size() == 2);
}

TEST_CASE("undo takes back scene-level changes and New", "[ui][document]") {
  Window w;
  QUndoStack* undo = w.document().undoStack();
  REQUIRE_FALSE(undo->canUndo());
  const RunId first = w.landscape().runIds().front();
  w.landscape().removeRun(first);
  REQUIRE(w.landscapeRuns() == 4);
  REQUIRE(undo->canUndo());
  undo->undo();
  CHECK(w.landscapeRuns() == 5);
  CHECK(w.landscape().style(w.landscape().runIds().front()).label == "SGD");
  undo->redo();
  CHECK(w.landscapeRuns() == 4);

  w.landscape().setObjective(parseObjectiveSpec("himmelblau"));
  w.landscape().setStart(Eigen::Vector2d(1.0, 1.0));
  w.answer = Document::Answer::Discard;
  REQUIRE(w.document().newScene());
  CHECK(w.landscape().objective().spec().find("rosenbrock") == 0);
  undo->undo();  // New
  CHECK(w.landscape().objective().spec().find("himmelblau") == 0);
  CHECK(w.landscape().start() == Eigen::Vector2d(1.0, 1.0));
  CHECK(w.landscapeRuns() == 4);
}

TEST_CASE("a dropped experiment file opens, and it joins the recent files", "[ui][document]") {
  Window w;
  QTemporaryDir dir;
  QSettings().remove(QStringLiteral("document/recent"));
  Experiment other = defaultExperiment();
  other.landscape->runs.resize(3);
  const QString path = dir.filePath("dropped.optiscope.json");
  writeExperimentFile(path.toStdString(), other);
  QMimeData data;
  data.setUrls({QUrl::fromLocalFile(path)});
  // A drag that comes in and is let go over the window, as the desktop delivers it.
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&w.app.window, &enter);
  CHECK(enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&w.app.window, &drop);
  CHECK(drop.isAccepted());
  CHECK(waitUntil([&] { return w.landscapeRuns() == 3; }));
  CHECK(w.document().path() == QFileInfo(path).absoluteFilePath());
  CHECK(w.document().recentFiles().value(0) == QFileInfo(path).absoluteFilePath());
}

TEST_CASE("the session keeps both pages between launches and autosaves", "[ui][document]") {
  QTemporaryDir dir;
  const QString scene = dir.filePath("session.optiscope.json");
  QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
  {
    Window w;
    WindowSession session(w.app.window, settings, scene);
    CHECK(session.restore().isEmpty());  // no session yet: the default scenes
    w.landscape().addRun(parseOptimizerSpec("yogi:lr=0.02"));
    w.app.networkController.removeRun(w.app.networkController.runIds().back());
    // Autosaved a few seconds after the change, without quitting.
    REQUIRE(waitUntil([&] { return QFile::exists(scene); }, 3 * WindowSession::kAutosaveDelayMs));
    session.save();
  }
  Window w;
  WindowSession session(w.app.window, settings, scene);
  CHECK(session.restore().isEmpty());
  CHECK(w.landscapeRuns() == 6);
  CHECK(w.landscape().runConfig(w.landscape().runIds().back()).optimizer.name == "yogi");
  CHECK(w.app.networkController.runIds().size() == 3);
  CHECK(w.document().isModified());  // the unsaved changes are still unsaved
}

TEST_CASE("a damaged session is reported once and kept beside it", "[ui][document]") {
  QTemporaryDir dir;
  const QString scene = writeText(dir, "session.optiscope.json", "{\"format\": \"optiscope-exp");
  QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
  Window w;
  WindowSession session(w.app.window, settings, scene);
  const QString problem = session.restore();
  CHECK(problem.contains("could not be read"));
  CHECK(w.landscapeRuns() == 5);  // the default scene
  const QStringList copies =
      QDir(dir.path()).entryList({QStringLiteral("session.damaged-*.optiscope.json")});
  REQUIRE(copies.size() == 1);
  QFile copy(dir.filePath(copies[0]));
  REQUIRE(copy.open(QIODevice::ReadOnly));
  CHECK(copy.readAll() == "{\"format\": \"optiscope-exp");
}

TEST_CASE("a saved window larger than the screen, or off it, comes back inside the screen",
          "[ui][document]") {
  QTemporaryDir dir;
  const QString scene = dir.filePath("session.optiscope.json");
  QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
  {
    Window w;
    WindowSession session(w.app.window, settings, scene);
    session.restore();
    w.app.window.resize(3000, 2000);  // as saved on a larger screen, far to the right
    w.app.window.move(5000, 4000);
    session.save();
  }
  Window w;
  WindowSession session(w.app.window, settings, scene);
  session.restore();
  const QScreen* screen = w.app.window.screen();
  REQUIRE(screen);
  INFO("window " << w.app.window.frameGeometry().x() << "," << w.app.window.frameGeometry().y()
                 << " " << w.app.window.width() << "x" << w.app.window.height());
  CHECK(screen->availableGeometry().contains(w.app.window.frameGeometry()));
}

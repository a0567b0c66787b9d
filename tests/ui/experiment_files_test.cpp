// Experiment files through the GUI: every field of both pages survives Save and Open in a fresh
// window, and the runs of an opened file produce the numbers of the same file replayed headless.
#include <QCheckBox>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <functional>

#include "core/engine/run.h"
#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_configs.h"
#include "core/experiment/experiment_io.h"
#include "ui/app_window.h"
#include "ui/common/page.h"
#include "ui/document.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/network/dataset_panel.h"
#include "ui/network/network_page.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

constexpr int kTimeoutMs = 60'000;

// A window whose dialogs the test answers: files are chosen by the test, questions are
// answered with `answer`, and messages are collected.
struct Window {
  AppWindow app;
  QString chosenFile;
  Document::Answer answer = Document::Answer::Cancel;
  QStringList asked, told;

  Window() {
    app.window.document()->setDialogs(
        [this](const QString& action) {
          asked << action;
          return answer;
        },
        [this](bool, const QString&) { return chosenFile; },
        [this](const QString&, const QString& message) { told << message; });
  }
  Document& document() { return *app.window.document(); }
  Experiment scene() { return document().capture(); }
  void settle() {
    REQUIRE(app.landscapeController.waitUntilIdle(kTimeoutMs));
    REQUIRE(app.networkController.waitUntilIdle(kTimeoutMs));
  }
};

// One field of a scene: how the GUI changes it, and what of the captured scene it is.
struct Field {
  const char* name;
  std::function<void(Window&)> change;
  std::function<bool(const Experiment&, const Experiment&)> same;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> all = {
      {"landscape.function",
       [](Window& w) {
         w.app.landscapeController.setObjective(
             parseObjectiveSpec("quadratic:condition=25,angle=30"));
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->function == b.landscape->function &&
                a.landscape->function.find("condition=25") != std::string::npos;
       }},
      {"landscape.start",
       [](Window& w) { w.app.landscapeController.setStart(Eigen::Vector2d(0.1234567891, -1.5)); },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->start == b.landscape->start &&
                (*a.landscape->start)[0] == 0.1234567891;
       }},
      {"landscape.view",
       [](Window& w) {
         w.app.landscape->view()->setViewRanges({-0.5, 0.75}, {0.25, 1.5});
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->view == b.landscape->view && a.landscape->view->x[0] == -0.5;
       }},
      {"landscape.color_scale",
       [](Window& w) { w.app.landscape->view()->setColorScaleMode(ColorScaleMode::Linear); },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->colorScale == ColorScale::Linear &&
                b.landscape->colorScale == ColorScale::Linear;
       }},
      {"landscape.contours", [](Window& w) { w.app.landscape->view()->setContoursShown(false); },
       [](const Experiment& a, const Experiment& b) {
         return !a.landscape->contours && !b.landscape->contours;
       }},
      {"landscape.runs (name, color, visible)",
       [](Window& w) {
         LandscapeController& c = w.app.landscapeController;
         c.setStyle(c.runIds()[1], RunStyle{"slow one", QColor("#123456"), false});
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->runs[1].name == "slow one" &&
                a.landscape->runs[1].color == "#123456" && !a.landscape->runs[1].visible &&
                a.landscape->runs == b.landscape->runs;
       }},
      {"landscape.runs (optimizer, schedule)",
       [](Window& w) {
         LandscapeController& c = w.app.landscapeController;
         c.setOptimizer(c.runIds()[0], parseOptimizerSpec("adam:lr=0.02,amsgrad=true"));
         c.setSchedule(c.runIds()[0], parseScheduleSpec("cosine:t_max=80,eta_min=0.001"));
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->runs[0].optimizer.find("amsgrad=true") != std::string::npos &&
                a.landscape->runs[0].schedule.find("t_max=80") != std::string::npos &&
                a.landscape->runs == b.landscape->runs;
       }},
      {"landscape.runs (noise, seed)",
       [](Window& w) {
         LandscapeController& c = w.app.landscapeController;
         c.setNoise(c.runIds()[2], 0.375, 17);
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->runs[2].noise == 0.375 && a.landscape->runs[2].seed == 17 &&
                a.landscape->runs == b.landscape->runs;
       }},
      {"landscape runs added and removed",
       [](Window& w) {
         LandscapeController& c = w.app.landscapeController;
         c.removeRun(c.runIds()[0]);
         c.addRun(parseOptimizerSpec("lion:lr=0.003"));
       },
       [](const Experiment& a, const Experiment& b) {
         return a.landscape->runs.size() == 5 &&
                a.landscape->runs.back().optimizer.find("lion:lr=0.003,") == 0 &&
                a.landscape->runs == b.landscape->runs;
       }},
      {"network.dataset, noise, points, train_ratio, seed",
       [](Window& w) {
         DatasetChoice choice = w.app.networkController.datasetChoice();
         choice.name = QStringLiteral("spiral");
         choice.noise = 0.2;
         choice.points = 300;
         choice.trainRatio = 0.7;
         choice.seed = 9;
         w.app.networkController.setDataset(choice);
       },
       [](const Experiment& a, const Experiment& b) {
         const auto& data = std::get<GeneratedData>(a.network->data);
         return data.name == "spiral" && data.noise == 0.2 && data.points == 300 &&
                a.network->trainRatio == 0.7 && a.network->dataSeed == 9u &&
                a.network->data == b.network->data &&
                a.network->trainRatio == b.network->trainRatio &&
                a.network->dataSeed == b.network->dataSeed;
       }},
      {"network.csv",
       [](Window& w) {
         QTemporaryDir dir;
         QFile file(dir.filePath("points.csv"));
         REQUIRE(file.open(QIODevice::WriteOnly));
         QByteArray rows = "x1,x2,label\n";
         for (int i = 0; i < 30; ++i)
           rows += QByteArray::number(i * 0.1 - 1.5) + "," + QByteArray::number(i % 5 * 0.2) + "," +
                   QByteArray::number(i % 2) + "\n";
         file.write(rows);
         file.close();
         w.app.networkController.importCsv(file.fileName());
       },
       [](const Experiment& a, const Experiment& b) {
         return std::holds_alternative<CsvData>(a.network->data) &&
                std::get<CsvData>(a.network->data).text.size() > 300 &&
                a.network->data == b.network->data;
       }},
      {"network settings (features, hidden, activation, loss, regularization, batch, seed)",
       [](Window& w) {
         NetworkSettings settings = w.app.networkController.settings();
         settings.features = {Feature::X1, Feature::X2, Feature::SinX1};
         settings.hidden = {5, 3, 2};
         settings.activation = Activation::Relu;
         settings.loss = Loss::BinaryCrossEntropy;
         settings.regularization = makeRegularization("l1", 0.003);
         settings.batchSize = 7;
         settings.seed = 41;
         w.app.networkController.setSettings(settings);
       },
       [](const Experiment& a, const Experiment& b) {
         return a.network->settings.hidden == std::vector<int>{5, 3, 2} &&
                a.network->settings.seed == 41 && a.network->settings.batchSize == 7 &&
                a.network->settings == b.network->settings;
       }},
      {"network.show_test_points",
       [](Window& w) { w.app.network->datasetPanel()->showTestBox()->setChecked(true); },
       [](const Experiment& a, const Experiment& b) {
         return a.network->showTestPoints && b.network->showTestPoints;
       }},
      {"network.runs",
       [](Window& w) {
         NetworkController& c = w.app.networkController;
         c.setOptimizer(c.runIds()[1], parseOptimizerSpec("adamw:lr=0.004,weight_decay=0.1"));
         c.setSchedule(c.runIds()[1], parseScheduleSpec("step:step_size=40,gamma=0.5"));
         c.setStyle(c.runIds()[3], RunStyle{"rms", QColor("#aabbcc"), false});
       },
       [](const Experiment& a, const Experiment& b) {
         return a.network->runs[1].optimizer.find("adamw") == 0 &&
                a.network->runs[3].name == "rms" && a.network->runs == b.network->runs;
       }},
      {"playback (positions, speeds, page)",
       [](Window& w) {
         w.app.landscapeController.setSpeed(1000.0);
         w.app.networkController.setSpeed(31.0);
         w.app.landscapeController.step(37);
         w.app.networkController.step(3 * w.app.networkController.stepsPerEpoch());
         w.settle();
         w.app.window.showPage(1);
       },
       [](const Experiment& a, const Experiment& b) {
         return a.playback.landscapeSteps == 37 && a.playback.networkEpochs == 3 &&
                a.playback.speed == 1000.0 && a.playback.networkSpeed == 31.0 &&
                a.page == ExperimentPage::Network && a.playback == b.playback && a.page == b.page;
       }},
  };
  return all;
}

}  // namespace

TEST_CASE("every field of both pages survives Save and Open in a fresh window", "[ui][files]") {
  const std::size_t index = GENERATE(range(std::size_t{0}, fields().size()));
  const Field& field = fields()[index];
  INFO(field.name);
  QTemporaryDir dir;
  const QString path = dir.filePath("scene.optiscope.json");
  Experiment saved;
  {
    Window first;
    field.change(first);
    first.settle();
    first.chosenFile = path;
    REQUIRE(first.document().saveAs());
    CHECK_FALSE(first.document().isModified());
    CHECK(first.app.window.windowTitle().startsWith("scene.optiscope.json"));
    saved = first.scene();
  }
  Window fresh;
  REQUIRE(fresh.document().open(path));
  fresh.settle();
  CHECK(fresh.told.isEmpty());
  const Experiment opened = fresh.scene();
  CHECK(field.same(saved, opened));
  CHECK(opened == saved);  // and nothing else moved
}

TEST_CASE("the runs of an opened file give the numbers of the same file run headless",
          "[ui][files]") {
  QTemporaryDir dir;
  Experiment experiment;
  experiment.landscape = defaultLandscapeScene();
  experiment.landscape->function = "himmelblau";
  experiment.landscape->runs[1].noise = 0.3;
  experiment.landscape->runs[1].seed = 5;
  experiment.landscape->runs[3].schedule = "cosine:t_max=300";
  experiment.network = defaultNetworkScene();
  experiment.network->runs[0].schedule = "exponential:gamma=0.99";
  experiment.playback.landscapeSteps = 250;
  experiment.playback.networkEpochs = 6;
  const QString path = dir.filePath("replay.optiscope.json");
  writeExperimentFile(path.toStdString(), experiment);

  Window window;
  REQUIRE(window.document().open(path));
  window.settle();
  // The GUI replayed every run to the file's position; the same file read headless, each run
  // stepped in a plain loop, gives every number bit for bit.
  const Experiment file = readExperimentFile(path.toStdString());
  const auto check = [](RunController& controller, const std::vector<RunConfig>& configs,
                        long long steps) {
    REQUIRE(controller.runIds().size() == configs.size());
    for (std::size_t i = 0; i < configs.size(); ++i) {
      Run reference(configs[i]);
      for (long long k = 0; k < steps; ++k) reference.advance();
      const RunSnapshot* run = controller.runSnapshot(controller.runIds()[i]);
      REQUIRE(run != nullptr);
      INFO("run " << i);
      CHECK(run->step == steps);
      CHECK(run->params == reference.params());  // exact: == on doubles
      CHECK(run->gradient == reference.gradient());
      CHECK(run->loss == reference.loss());
    }
  };
  check(window.app.landscapeController, landscapeRunConfigs(*file.landscape), 250);
  check(window.app.networkController, networkRunConfigs(*file.network),
        6 * window.app.networkController.stepsPerEpoch());
}

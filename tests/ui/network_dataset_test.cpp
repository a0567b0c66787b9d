// The Network page's data controls: picking, regenerating and importing data.
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>
#include <fstream>

#include "ui/network/dataset_panel.h"
#include "ui/network/network_controller.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

QString writeFile(const QTemporaryDir& dir, const char* name, const std::string& text) {
  const QString path = dir.filePath(QString::fromLatin1(name));
  std::ofstream(path.toStdString()) << text;
  return path;
}

}  // namespace

TEST_CASE("a bad CSV import shows the error in the panel and keeps the data", "[ui][network]") {
  NetworkController controller;
  DatasetPanel panel(&controller);
  panel.show();
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto before = controller.data();
  const auto taskBefore = controller.task();
  const QString bad = writeFile(dir, "bad.csv", "x1,x2,label\n0.5,1.0,1\n0.2,oops,0\n");
  panel.importFile(bad);
  CHECK(panel.errorLabel()->isVisibleTo(&panel));
  CHECK(panel.errorLabel()->text().contains("line 3"));
  CHECK(controller.data() == before);
  CHECK(controller.task() == taskBefore);
  CHECK_FALSE(controller.datasetChoice().isImported());
  CHECK(panel.datasetButton("circle")->isChecked());

  // A good file replaces the data and clears the message.
  std::string rows = "x1,x2,label\n";
  for (int i = 0; i < 40; ++i)
    rows += std::to_string(i * 0.1 - 2) + "," + std::to_string(i % 7 * 0.3) + "," +
            std::to_string(i % 2) + "\n";
  const QString good = writeFile(dir, "good.csv", rows);
  panel.importFile(good);
  CHECK_FALSE(panel.errorLabel()->isVisibleTo(&panel));
  CHECK(controller.datasetChoice().isImported());
  CHECK(controller.data()->train.size() + controller.data()->test.size() == 40);
  CHECK(panel.sourceLabel()->text().contains("good.csv"));
  CHECK_FALSE(panel.datasetButton("circle")->isChecked());
}

TEST_CASE("dataset picker, noise and regenerate give new data", "[ui][network]") {
  NetworkController controller;
  DatasetPanel panel(&controller);
  panel.show();
  const auto circle = controller.data();
  QTest::mouseClick(panel.datasetButton("spiral3"), Qt::LeftButton);
  CHECK(controller.datasetChoice().name == "spiral3");
  CHECK(controller.data()->train.classes == 3);
  // Three classes: the auto loss becomes softmax cross-entropy with 3 outputs.
  CHECK(controller.task()->mlp().shape().outputs == 3);
  const auto spiral = controller.data();
  QTest::mouseClick(panel.regenerateButton(), Qt::LeftButton);
  CHECK(controller.data() != spiral);
  CHECK_FALSE(controller.data()->train.points.isApprox(spiral->train.points));
  panel.noiseSlider()->setValue(30);
  CHECK(controller.datasetChoice().noise == Approx(0.3));
  panel.ratioSlider()->setValue(70);
  CHECK(controller.data()->train.size() == 350);
}

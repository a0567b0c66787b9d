// `optiscope --export-png/-svg/-pdf` (issue 13, item 4), run as a user would: the built binary
// in a shell, on the default scene or an experiment file.
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "ui/widget_test_support.h"

using optiscope::testing::GuiRun;
using optiscope::testing::runGui;

namespace {

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

TEST_CASE("exporting a PNG from the command line: the page's figure, twice the pixels at scale 2",
          "[ui][export]") {
  QTemporaryDir dir;
  const QString one = dir.filePath("one.png"), two = dir.filePath("two.png");
  const GuiRun first =
      runGui(QStringLiteral("--export-png '%1' --steps 50 --size 1280x800").arg(one), dir);
  INFO(first.err.toStdString());
  REQUIRE(first.exitCode == 0);
  const GuiRun second = runGui(
      QStringLiteral("--export-png '%1' --steps 50 --size 1280x800 --scale 2").arg(two), dir);
  INFO(second.err.toStdString());
  REQUIRE(second.exitCode == 0);
  const QImage small(one), large(two);
  REQUIRE_FALSE(small.isNull());
  CHECK(small.width() > 600);  // the plots of a 1280x800 window, not the whole window
  CHECK(small.width() < 1280);
  CHECK(large.size() == small.size() * 2);
}

TEST_CASE("exporting SVG and PDF from the command line: vectors, text as text", "[ui][export]") {
  QTemporaryDir dir;
  // The network page from an experiment file: the figure is its diagram, maps and curves.
  optiscope::Experiment experiment;
  experiment.page = optiscope::ExperimentPage::Network;
  experiment.network = optiscope::defaultNetworkScene();
  experiment.playback.networkEpochs = 3;
  const QString file = dir.filePath("scene.optiscope.json");
  optiscope::writeExperimentFile(file.toStdString(), experiment);

  const QString svg = dir.filePath("page.svg"), pdf = dir.filePath("page.pdf");
  const GuiRun vectors =
      runGui(QStringLiteral("'%1' --export-svg '%2' --size 1440x900").arg(file, svg), dir);
  INFO(vectors.err.toStdString());
  REQUIRE(vectors.exitCode == 0);
  const QByteArray text = readAll(svg);
  CHECK(text.contains("<svg"));
  CHECK(text.count("<text") >= 10);
  CHECK((text.count("<path") + text.count("<polyline")) >= 5);

  const GuiRun document = runGui(QStringLiteral("'%1' --export-pdf '%2'").arg(file, pdf), dir);
  INFO(document.err.toStdString());
  REQUIRE(document.exitCode == 0);
  const QByteArray bytes = readAll(pdf);
  CHECK(bytes.startsWith("%PDF-"));
  CHECK(bytes.contains("/Font"));
}

TEST_CASE("figure exports refuse bad arguments with one line and exit code 2, writing nothing",
          "[ui][export]") {
  QTemporaryDir dir;
  const QString out = dir.filePath("never.png");
  optiscope::testing::checkRefused(
      QStringList{QStringLiteral("--export-png '%1' --scale 0").arg(out),
                  QStringLiteral("--export-png '%1' --scale 9").arg(out),
                  QStringLiteral("--export-png '%1' --scale two").arg(out),
                  QStringLiteral("--export-svg '%1' --scale 2").arg(out),
                  QStringLiteral("--scale 2"), QStringLiteral("--export-png"),
                  QStringLiteral("--export-png '%1' --size 10x10").arg(out),
                  QStringLiteral("--export-png '%1' --screenshot '%1'").arg(out),
                  QStringLiteral("--export-png '%1' '%2'")
                      .arg(out, dir.filePath("missing.optiscope.json"))},
      out, dir);
}

TEST_CASE("exporting a GIF from the command line: F frames at the asked size, the same bytes again",
          "[ui][export][gif]") {
  QTemporaryDir dir;
  const QString first = dir.filePath("first.gif"), second = dir.filePath("second.gif");
  for (const QString& out : {first, second}) {
    const GuiRun run = runGui(
        QStringLiteral("--export-gif '%1' --steps 120 --frames 12 --size 640x480 --fps 8").arg(out),
        dir);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
  }
  QImageReader reader(first);
  CHECK(reader.format() == "gif");
  CHECK(reader.size() == QSize(640, 480));
  CHECK(reader.imageCount() == 12);
  REQUIRE_FALSE(reader.read().isNull());
  CHECK(reader.nextImageDelay() == 130);  // 8 frames per second, in whole hundredths
  const QByteArray bytes = readAll(first);
  CHECK(bytes.startsWith("GIF89a"));
  CHECK(bytes == readAll(second));
}

TEST_CASE("GIF exports refuse bad arguments with one line and exit code 2, writing nothing",
          "[ui][export][gif]") {
  QTemporaryDir dir;
  const QString out = dir.filePath("never.gif");
  optiscope::testing::checkRefused(
      QStringList{QStringLiteral("--export-gif '%1' --frames 1").arg(out),
                  QStringLiteral("--export-gif '%1' --frames many").arg(out),
                  QStringLiteral("--export-gif '%1' --fps 0").arg(out),
                  QStringLiteral("--export-gif '%1' --fps 120").arg(out),
                  QStringLiteral("--export-gif '%1' --steps 10 --frames 20").arg(out),
                  QStringLiteral("--export-gif '%1' --size 20x20").arg(out),
                  QStringLiteral("--frames 10"),
                  QStringLiteral("--export-gif '%1' --scale 2").arg(out),
                  QStringLiteral("--export-gif '%1' --export-png '%1'").arg(out),
                  QStringLiteral("--export-gif '%1' '%2'")
                      .arg(out, dir.filePath("missing.optiscope.json"))},
      out, dir);
}

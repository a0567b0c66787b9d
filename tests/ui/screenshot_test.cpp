// `optiscope --screenshot`, run as a user would run it: the built binary in a shell.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "ui/common/run_palette.h"
#include "ui/widget_test_support.h"

namespace {

using Result = optiscope::testing::GuiRun;
using optiscope::testing::runGui;

bool near(QRgb pixel, const QColor& color, int tolerance) {
  return std::abs(qRed(pixel) - color.red()) <= tolerance &&
         std::abs(qGreen(pixel) - color.green()) <= tolerance &&
         std::abs(qBlue(pixel) - color.blue()) <= tolerance;
}

}  // namespace

TEST_CASE(
    "screenshot mode (--screenshot) writes a PNG of the requested size with every run's color",
    "[ui][screenshot]") {
  QTemporaryDir dir;
  const QString png = dir.filePath("shot.png");
  const Result result =
      runGui(QStringLiteral("--screenshot '%1' --steps 200 --size 1280x800").arg(png), dir);
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  QImage image(png);
  REQUIRE_FALSE(image.isNull());
  CHECK(image.size() == QSize(1280, 800));

  std::set<QRgb> distinct;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7) distinct.insert(image.pixel(x, y));
  CHECK(distinct.size() > 200);  // a heatmap, plots and panels, not a blank window

  const std::size_t runs = optiscope::defaultLandscapeScene().runs.size();
  for (std::size_t k = 0; k < runs; ++k) {
    const QColor color = optiscope::ui::runColor(static_cast<int>(k));
    INFO("run " << k << " color " << color.name().toStdString());
    int matches = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) matches += near(image.pixel(x, y), color, 6);
    CHECK(matches > 50);
  }
}

TEST_CASE("screenshot mode (--screenshot) rejects bad arguments with one line and exit code 2",
          "[ui][screenshot]") {
  QTemporaryDir dir;
  const QString png = dir.filePath("never.png");
  optiscope::testing::checkRefused(
      QStringList{
          QStringLiteral("--screenshot '%1' --size 10x10").arg(png),
          QStringLiteral("--screenshot '%1' --size wide").arg(png),
          QStringLiteral("--screenshot '%1' --steps -4").arg(png),
          QStringLiteral("--screenshot '%1' --steps many").arg(png), QStringLiteral("--screenshot"),
          QStringLiteral("--steps 10"), QStringLiteral("--bogus"),
          QStringLiteral("--screenshot '%1' '%2'").arg(png, dir.filePath("missing.optiscope.json")),
          QStringLiteral("--screenshot '%1' a.optiscope.json b.optiscope.json").arg(png)},
      png, dir);
}

TEST_CASE("screenshot mode renders an experiment file's scene on its page", "[ui][screenshot]") {
  QTemporaryDir dir;
  // The network page, one run drawn in a color no default run has.
  optiscope::Experiment experiment;
  experiment.page = optiscope::ExperimentPage::Network;
  experiment.network = optiscope::defaultNetworkScene();
  experiment.network->runs.resize(1);
  experiment.network->runs[0].color = "#ff00ff";
  experiment.playback.networkEpochs = 3;
  const QString file = dir.filePath("scene.optiscope.json");
  optiscope::writeExperimentFile(file.toStdString(), experiment);
  const QString png = dir.filePath("shot.png");
  const Result result = runGui(QStringLiteral("--screenshot '%1' '%2'").arg(png, file), dir);
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  QImage image(png);
  REQUIRE(image.size() == QSize(1440, 900));
  int magenta = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) magenta += near(image.pixel(x, y), Qt::magenta, 6);
  CHECK(magenta > 50);  // the run's label, swatch and curves are on screen

  // A damaged file: one line naming where it is wrong, exit 2, no picture.
  QFile bad(dir.filePath("bad.optiscope.json"));
  REQUIRE(bad.open(QIODevice::WriteOnly));
  bad.write(R"({"format": "optiscope-experiment", "version": 1, "page": "sideways"})");
  bad.close();
  const QString never = dir.filePath("never.png");
  const Result refused =
      runGui(QStringLiteral("--screenshot '%1' '%2'").arg(never, bad.fileName()), dir);
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.contains("page"));
  CHECK(refused.err.trimmed().count('\n') == 0);
  CHECK_FALSE(QFile::exists(never));
}

// The pieces of GIF export (issue 13, item 3): one palette for every frame, and a file that
// appears only when it is complete.
#include "ui/common/gif_writer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "ui/common/shared_palette.h"

using namespace optiscope::ui;

TEST_CASE("a shared palette keeps an image of few colors exact, and maps others to the nearest",
          "[ui][gif]") {
  QImage image(40, 30, QImage::Format_RGB32);
  image.fill(qRgb(255, 255, 255));
  QPainter painter(&image);
  painter.fillRect(0, 0, 20, 30, QColor(0, 114, 178));
  painter.fillRect(20, 0, 10, 30, QColor(230, 159, 0));
  painter.end();
  const SharedPalette palette({image}, 256);
  CHECK(palette.colors().size() == 3);
  const std::vector<std::uint8_t> indices = palette.indices(image);
  REQUIRE(indices.size() == 40u * 30u);
  for (int y = 0; y < 30; y += 7)
    for (int x = 0; x < 40; x += 3)
      CHECK(palette.colors()[indices[static_cast<std::size_t>(y * 40 + x)]] == image.pixel(x, y));

  // A gradient of 1000 colors fits in 16 entries, each pixel within a few steps of its own.
  QImage gradient(1000, 4, QImage::Format_RGB32);
  for (int x = 0; x < 1000; ++x)
    for (int y = 0; y < 4; ++y)
      gradient.setPixel(x, y, qRgb(x * 255 / 999, 128, 255 - x * 255 / 999));
  const SharedPalette sixteen({gradient}, 16);
  CHECK(sixteen.colors().size() == 16);
  const std::vector<std::uint8_t> mapped = sixteen.indices(gradient);
  for (int x = 0; x < 1000; x += 37) {
    const QRgb got = sixteen.colors()[mapped[static_cast<std::size_t>(x)]];
    CHECK(std::abs(qRed(got) - qRed(gradient.pixel(x, 0))) <= 16);
  }
}

TEST_CASE("a GIF appears only when finished, with every frame", "[ui][gif]") {
  QTemporaryDir dir;
  const QVector<QRgb> colors{qRgb(0, 0, 0), qRgb(255, 0, 0), qRgb(0, 0, 255)};
  std::vector<std::uint8_t> frame(8 * 6, 1);
  {
    GifWriter abandoned(dir.filePath("abandoned.gif"), QSize(8, 6), colors, 10);
    REQUIRE(abandoned.addFrame(frame));
  }  // destroyed unfinished: a cancelled export
  CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());

  GifWriter gif(dir.filePath("done.gif"), QSize(8, 6), colors, 25);
  REQUIRE(gif.addFrame(frame));
  std::fill(frame.begin(), frame.end(), 2);
  REQUIRE(gif.addFrame(frame));
  CHECK_FALSE(gif.addFrame(std::vector<std::uint8_t>(5, 0)));  // the wrong size
  CHECK_FALSE(gif.error().isEmpty());
  CHECK_FALSE(gif.finish().isEmpty());  // a failed writer leaves no file either
  CHECK_FALSE(QFile::exists(dir.filePath("done.gif")));

  GifWriter good(dir.filePath("good.gif"), QSize(8, 6), colors, 25);
  std::fill(frame.begin(), frame.end(), 1);
  REQUIRE(good.addFrame(frame));
  std::fill(frame.begin(), frame.end(), 2);
  REQUIRE(good.addFrame(frame));
  REQUIRE(good.finish().isEmpty());
  QImageReader reader(dir.filePath("good.gif"));
  CHECK(reader.imageCount() == 2);
  const QImage first = reader.read();
  CHECK(first.pixel(3, 3) == qRgb(255, 0, 0));
  const QImage second = reader.read();
  CHECK(second.pixel(3, 3) == qRgb(0, 0, 255));
}

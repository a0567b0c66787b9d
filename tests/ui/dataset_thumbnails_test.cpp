// Dataset thumbnails say their names, and the chosen one stands out (issue 12, frictions).
#include <QImage>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>

#include "core/nn/dataset.h"
#include "ui/network/dataset_panel.h"
#include "ui/network/network_controller.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace {

// Share of pixels that differ between two images of the same size.
double differingShare(const QImage& a, const QImage& b) {
  REQUIRE(a.size() == b.size());
  long long differ = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) differ += a.pixel(x, y) != b.pixel(x, y);
  return static_cast<double>(differ) / (a.width() * a.height());
}

}  // namespace

TEST_CASE("dataset thumbnails are named and the chosen one is clearly marked", "[ui][network]") {
  NetworkController controller;
  controller.loadDefaultScene();  // circle
  DatasetPanel panel(&controller);
  panel.show();
  REQUIRE(QTest::qWaitForWindowExposed(&panel));
  for (const DatasetInfo& info : datasetCatalog()) {
    QToolButton* button = panel.datasetButton(QString::fromStdString(info.name));
    REQUIRE(button);
    CHECK(button->text() == QString::fromStdString(info.name));
    CHECK(button->toolButtonStyle() == Qt::ToolButtonTextUnderIcon);
  }
  QToolButton* circle = panel.datasetButton(QStringLiteral("circle"));
  REQUIRE(circle->isChecked());
  const QImage chosen = circle->grab().toImage();
  panel.datasetButton(QStringLiteral("xor"))->setChecked(true);  // one of a group: circle is not
  REQUIRE_FALSE(circle->isChecked());
  const QImage plain = circle->grab().toImage();
  // The frame, the background and the bold name change a good part of the picture.
  CHECK(differingShare(chosen, plain) > 0.08);
}

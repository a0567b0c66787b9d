#include <qcustomplot.h>

#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <vector>

#include "core/landscape/contour_levels.h"
#include "core/landscape/landscape_result.h"
#include "core/objectives/rosenbrock.h"
#include "event_loop.h"
#include "ui/background/gui_job.h"
#include "ui/background/heatmap_image.h"
#include "ui/background/landscape_color_mode.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::processEventsUntil;

namespace {

std::shared_ptr<const LandscapeResult> rosenbrockLandscape(const GridSpec& spec) {
  return computeLandscape(Rosenbrock(), spec, 12, LevelSpacing::kLogarithmic);
}

}  // namespace

TEST_CASE("the heatmap's colors are built on the job's thread and arrive whole on the GUI's") {
  // What LandscapeHeatmap does with every grid: the conversion runs while the GUI thread goes
  // on, and later requests (a zoom, a change of color scale) supersede earlier ones.
  const GridSpec spec{-2.0, 2.0, -1.0, 3.0, 61, 47};
  const std::shared_ptr<const LandscapeResult> landscape = rosenbrockLandscape(spec);
  REQUIRE(landscape);

  std::vector<std::shared_ptr<const HeatmapImage>> shown;
  GuiJob<HeatmapImage> conversion(
      [&](std::shared_ptr<const HeatmapImage> image) { shown.push_back(std::move(image)); });
  std::uint64_t last = 0;
  for (int request = 0; request < 20; ++request) {
    const std::optional<bool> logColors =
        request % 3 == 0 ? std::nullopt : std::optional<bool>(request % 3 == 2);
    last = conversion.request([landscape, logColors](const GuiJob<HeatmapImage>::Outlet& outlet) {
      outlet.deliver(buildHeatmapImage(landscape, logColors));
    });
  }
  // The last request (19: linear colors) is the one that must show.
  REQUIRE(processEventsUntil([&] { return conversion.idle() && !shown.empty(); }));
  QCoreApplication::sendPostedEvents();
  REQUIRE(conversion.isCurrent(last));
  const HeatmapImage& image = *shown.back();

  CHECK(image.result == landscape);
  CHECK_FALSE(image.logColors);
  CHECK(image.spansDecades == spansDecades(landscape->grid, landscape->floor));
  REQUIRE(image.data->keySize() == spec.nx);
  REQUIRE(image.data->valueSize() == spec.ny);
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) REQUIRE(image.data->cell(i, j) == landscape->grid.at(i, j));
  CHECK(image.low == landscape->grid.min);
  CHECK(image.high == landscape->grid.max);
}

TEST_CASE("on a logarithmic scale every cell holds the log color value of its f") {
  const GridSpec spec{-2.0, 2.0, -1.0, 3.0, 33, 29};
  const std::shared_ptr<const LandscapeResult> landscape = rosenbrockLandscape(spec);
  REQUIRE(landscape);

  std::shared_ptr<const HeatmapImage> shown;
  GuiJob<HeatmapImage> conversion(
      [&](std::shared_ptr<const HeatmapImage> image) { shown = std::move(image); });
  conversion.request([landscape](const GuiJob<HeatmapImage>::Outlet& outlet) {
    outlet.deliver(buildHeatmapImage(landscape, true));
  });
  REQUIRE(processEventsUntil([&] { return shown != nullptr; }));

  CHECK(shown->logColors);
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i)
      REQUIRE(shown->data->cell(i, j) ==
              logColorValue(landscape->grid.at(i, j), landscape->floor, landscape->logOffset));
  CHECK(shown->low < shown->high);
}

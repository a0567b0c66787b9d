#include "core/experiment/scene_readers.h"
#include "core/objectives/objective.h"
#include "core/util/spec.h"

namespace optiscope {
namespace {

// [a, b] of two numbers.
std::array<double, 2> readPair(const Json& value, const std::string& path,
                               const ReadContext& context, const std::string& what) {
  arrayOf(value, path, context);
  if (value.size() != 2)
    context.fail(path, "must be " + what + ", 2 numbers, got " + std::to_string(value.size()));
  return {numberOf(value[0], elementPath(path, 0), context),
          numberOf(value[1], elementPath(path, 1), context)};
}

ViewBox readView(const Json& value, const ReadContext& context) {
  ObjectReader view(value, "landscape.view", context);
  ViewBox box;
  for (auto [key, range] : {std::pair{"x", &box.x}, std::pair{"y", &box.y}}) {
    *range = readPair(view.require(key), view.pathOf(key), context, "[low, high]");
    if (!((*range)[0] < (*range)[1]))
      view.fail(key, "low must be below high, got [" + formatDouble((*range)[0]) + ", " +
                         formatDouble((*range)[1]) + "]");
  }
  view.finish();
  return box;
}

ColorScale readColorScale(ObjectReader& scene) {
  const std::string text = scene.text("color_scale", "auto");
  if (text == "auto") return ColorScale::Automatic;
  if (text == "log") return ColorScale::Logarithmic;
  if (text == "linear") return ColorScale::Linear;
  scene.fail("color_scale", "unknown color scale \"" + text + "\"; allowed: auto, log, linear");
}

}  // namespace

LandscapeScene readLandscapeScene(const Json& value, const ReadContext& context) {
  ObjectReader object(value, "landscape", context);
  LandscapeScene scene;
  scene.function = object.requiredText("function");
  const auto objective =
      context.at(object.pathOf("function"), [&] { return makeObjective(scene.function); });
  if (objective->dim() != 2)
    object.fail("function", scene.function + " is " + std::to_string(objective->dim()) +
                                "-dimensional; the landscape page shows 2D functions");
  if (const Json* start = object.find("start")) {
    const std::string path = object.pathOf("start");
    arrayOf(*start, path, context);
    if (start->size() != 2)
      object.fail("start", "has " + std::to_string(start->size()) + " coordinates but " +
                               scene.function + " needs 2");
    scene.start = readPair(*start, path, context, "[x, y]");
  }
  if (const Json* view = object.find("view")) scene.view = readView(*view, context);
  scene.colorScale = readColorScale(object);
  scene.contours = object.flag("contours", true);
  readRuns(object, [&](ObjectReader& run, std::size_t index) {
    LandscapeRun entry;
    static_cast<ExperimentRun&>(entry) = readRunLook(run, index);
    entry.noise = run.number("noise", 0.0);
    if (entry.noise < 0.0)
      run.fail("noise",
               "must be a number >= 0 (the gradient noise σ), got " + formatDouble(entry.noise));
    entry.seed = run.seed("seed", 0);
    scene.runs.push_back(std::move(entry));
  });
  object.finish();
  return scene;
}

}  // namespace optiscope

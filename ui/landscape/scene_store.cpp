#include "ui/landscape/scene_store.h"

#include <QSettings>
#include <QStringList>

#include "core/objectives/objective.h"
#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/landscape/landscape_controller.h"

namespace optiscope::ui {
namespace {

constexpr int kFormatVersion = 1;
constexpr int kMaxRuns = 64;  // more than anyone can tell apart; a larger count means damage

std::string text(QSettings& settings, const QString& key) {
  return settings.value(key).toString().toStdString();
}

Eigen::VectorXd parseStart(const std::string& textValue) {
  const auto items = splitList(textValue, "scene start");
  if (items.size() != 2) throw SpecError("scene: start must have 2 coordinates");
  Eigen::VectorXd start(2);
  for (int i = 0; i < 2; ++i) start[i] = parseFiniteDouble(items[i], "scene start");
  return start;
}

}  // namespace

SceneDescription captureScene(const LandscapeController& controller) {
  SceneDescription scene;
  scene.function = controller.objective().spec();
  scene.start = controller.start();
  for (RunId id : controller.runIds()) {
    const RunConfig config = controller.runConfig(id);
    const RunStyle& style = controller.style(id);
    scene.runs.push_back({style.label, style.color, style.visible, config.optimizer.spec(),
                          config.schedule.spec(), controller.noiseSigma(id),
                          controller.noiseSeed(id)});
  }
  return scene;
}

void applyScene(LandscapeController& controller, const SceneDescription& scene) {
  const ObjectiveConfig objective = parseObjectiveSpec(scene.function);
  if (makeObjective(objective)->dim() != 2) throw SpecError("scene: the function must be 2D");
  if (scene.start.size() != 2 || !scene.start.allFinite())
    throw SpecError("scene: start must be 2 finite coordinates");
  if (static_cast<int>(scene.runs.size()) > kMaxRuns) throw SpecError("scene: too many runs");
  struct Parsed {
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
  };
  std::vector<Parsed> parsed;
  for (const SceneDescription::Run& run : scene.runs) {
    if (!run.color.isValid()) throw SpecError("scene: a run has an invalid color");
    if (!std::isfinite(run.noiseSigma) || run.noiseSigma < 0.0)
      throw SpecError("scene: noise σ must be a finite number >= 0");
    parsed.push_back({parseOptimizerSpec(run.optimizer), parseScheduleSpec(run.schedule)});
  }
  controller.clearRuns();
  controller.setObjective(objective, scene.start);
  for (std::size_t i = 0; i < scene.runs.size(); ++i) {
    const SceneDescription::Run& run = scene.runs[i];
    controller.addRun(parsed[i].optimizer, parsed[i].schedule, run.noiseSigma, run.noiseSeed,
                      RunStyle{run.label, run.color, run.visible});
  }
}

void writeScene(QSettings& settings, const SceneDescription& scene) {
  settings.remove(QStringLiteral("scene"));
  settings.beginGroup(QStringLiteral("scene"));
  settings.setValue(QStringLiteral("version"), kFormatVersion);
  settings.setValue(QStringLiteral("function"), QString::fromStdString(scene.function));
  QStringList start;
  for (double x : scene.start) start << QString::fromStdString(formatDouble(x));
  settings.setValue(QStringLiteral("start"), QStringLiteral("[%1]").arg(start.join(',')));
  settings.beginWriteArray(QStringLiteral("runs"), static_cast<int>(scene.runs.size()));
  for (int i = 0; i < static_cast<int>(scene.runs.size()); ++i) {
    const SceneDescription::Run& run = scene.runs[i];
    settings.setArrayIndex(i);
    settings.setValue(QStringLiteral("label"), run.label);
    settings.setValue(QStringLiteral("color"), run.color.name(QColor::HexRgb));
    settings.setValue(QStringLiteral("visible"), run.visible);
    settings.setValue(QStringLiteral("optimizer"), QString::fromStdString(run.optimizer));
    settings.setValue(QStringLiteral("schedule"), QString::fromStdString(run.schedule));
    settings.setValue(QStringLiteral("noiseSigma"),
                      QString::fromStdString(formatDouble(run.noiseSigma)));
    settings.setValue(QStringLiteral("noiseSeed"), QString::number(run.noiseSeed));
  }
  settings.endArray();
  settings.endGroup();
}

std::optional<SceneDescription> readScene(QSettings& settings) {
  settings.beginGroup(QStringLiteral("scene"));
  struct GroupEnd {
    QSettings& s;
    ~GroupEnd() { s.endGroup(); }
  } groupEnd{settings};
  if (!settings.contains(QStringLiteral("function"))) return std::nullopt;
  if (settings.value(QStringLiteral("version")).toInt() != kFormatVersion)
    throw SpecError("scene: saved by another version");
  SceneDescription scene;
  scene.function = text(settings, QStringLiteral("function"));
  scene.start = parseStart(text(settings, QStringLiteral("start")));
  const int count = settings.beginReadArray(QStringLiteral("runs"));
  struct ArrayEnd {
    QSettings& s;
    ~ArrayEnd() { s.endArray(); }
  } arrayEnd{settings};
  if (count < 0 || count > kMaxRuns) throw SpecError("scene: bad run count");
  for (int i = 0; i < count; ++i) {
    settings.setArrayIndex(i);
    SceneDescription::Run run;
    run.label = settings.value(QStringLiteral("label")).toString();
    run.color = QColor::fromString(settings.value(QStringLiteral("color")).toString());
    run.visible = settings.value(QStringLiteral("visible"), true).toBool();
    run.optimizer = text(settings, QStringLiteral("optimizer"));
    run.schedule = text(settings, QStringLiteral("schedule"));
    run.noiseSigma = parseFiniteDouble(text(settings, QStringLiteral("noiseSigma")), "noise σ");
    const long long seed = parseInteger(text(settings, QStringLiteral("noiseSeed")), "seed");
    if (seed < 0) throw SpecError("scene: seed must be >= 0");
    run.noiseSeed = static_cast<std::uint64_t>(seed);
    scene.runs.push_back(std::move(run));
  }
  return scene;
}

bool restoreSceneOrDefault(QSettings& settings, LandscapeController& controller) {
  try {
    if (const auto scene = readScene(settings)) {
      applyScene(controller, *scene);
      return true;
    }
  } catch (const std::exception&) {
    // Damaged or foreign settings: start from the default scene instead.
  }
  controller.loadDefaultScene();
  return false;
}

}  // namespace optiscope::ui

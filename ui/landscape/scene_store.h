#pragma once

#include <Eigen/Core>
#include <QColor>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class QSettings;

namespace optiscope::ui {

class LandscapeController;

// Everything a user set up, as specs: enough to rebuild the scene exactly.
struct SceneDescription {
  struct Run {
    QString label;
    QColor color;
    bool visible = true;
    std::string optimizer;  // canonical specs
    std::string schedule;
    double noiseSigma = 0.0;
    std::uint64_t noiseSeed = 0;
  };
  std::string function;
  Eigen::VectorXd start;
  std::vector<Run> runs;
};

SceneDescription captureScene(const LandscapeController& controller);
// Validates the whole description first, then replaces the controller's scene with it. Throws
// SpecError, leaving the controller as it was, when any part is invalid.
void applyScene(LandscapeController& controller, const SceneDescription& scene);

// The scene in a settings group "scene" (numbers as exact text, so they read back bit for bit).
void writeScene(QSettings& settings, const SceneDescription& scene);
// nullopt when no scene was saved; throws SpecError when what was saved cannot be read.
std::optional<SceneDescription> readScene(QSettings& settings);
// The last saved scene, or the default scene when there is none or it is damaged (hand-edited,
// from an older version): a bad setting must never keep the program from starting. Returns
// whether the saved scene was restored.
bool restoreSceneOrDefault(QSettings& settings, LandscapeController& controller);

}  // namespace optiscope::ui

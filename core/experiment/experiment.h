#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/nn/network_task.h"

namespace optiscope {

// An experiment: the whole scene of both pages (Landscape and Network) and where playback
// stood, as plain data. Files hold it as versioned JSON (core/experiment/experiment_io.h,
// docs/EXPERIMENT_FORMAT.md); the GUI captures and applies it; `optiscope-cli replay` runs it.
// Specs are kept as the text the user wrote (validated on reading), so a file reads back and
// writes out unchanged and the CLI reports them as written.

inline constexpr const char* kExperimentFormat = "optiscope-experiment";
inline constexpr int kExperimentVersion = 1;
inline constexpr const char* kExperimentExtension = ".optiscope.json";
// More runs than anyone can tell apart on one page; a larger count is a damaged file.
inline constexpr std::size_t kMaxExperimentRuns = 64;
// Far above any scene (100000 CSV points take about 3 MB); a larger file is not an experiment.
inline constexpr std::size_t kMaxExperimentFileBytes = std::size_t{64} << 20;

enum class ExperimentPage { Landscape, Network };

// What every run of either page has: its look and its optimizer.
struct ExperimentRun {
  std::string name;               // the label in the runs list and legends
  std::string color = "#000000";  // "#rrggbb", lower case
  bool visible = true;
  std::string optimizer;              // an optimizer spec, e.g. "adam:lr=0.05"
  std::string schedule = "constant";  // a schedule spec

  bool operator==(const ExperimentRun&) const = default;
};

// A landscape run also draws its own gradient noise.
struct LandscapeRun : ExperimentRun {
  double noise = 0.0;  // σ of the Gaussian gradient noise
  std::uint64_t seed = 0;

  bool operator==(const LandscapeRun&) const = default;
};

enum class ColorScale { Automatic, Logarithmic, Linear };

struct ViewBox {
  std::array<double, 2> x{}, y{};  // {low, high}, low < high

  bool operator==(const ViewBox&) const = default;
};

struct LandscapeScene {
  std::string function;                        // a 2D objective spec
  std::optional<std::array<double, 2>> start;  // nullopt: the function's default start
  std::optional<ViewBox> view;                 // nullopt: the function's default view box
  ColorScale colorScale = ColorScale::Automatic;
  bool contours = true;
  std::vector<LandscapeRun> runs;

  bool operator==(const LandscapeScene&) const = default;
};

// A dataset of the catalog (core/nn/dataset.h), shaped by points and noise.
struct GeneratedData {
  std::string name = "circle";
  int points = 500;
  double noise = 0.0;

  bool operator==(const GeneratedData&) const = default;
};

// Points given inline as CSV text (`x1,x2,label` lines, as `optiscope-cli train --csv-data`
// reads them).
struct CsvData {
  std::string text;

  bool operator==(const CsvData&) const = default;
};

using NetworkDataSource = std::variant<GeneratedData, CsvData>;

// The Network page: one task (data and network) that every run trains. The keys mean what
// `optiscope-cli train`'s flags of the same names mean; settings.seed is train's --seed.
struct NetworkScene {
  NetworkDataSource data;
  double trainRatio = 0.5;
  // The points and the train/test split; nullopt: settings.seed (as train's --seed seeds
  // both). The GUI's "Regenerate" draws new points under the same network seed.
  std::optional<std::uint64_t> dataSeed;
  NetworkSettings settings;
  bool showTestPoints = false;
  std::vector<ExperimentRun> runs;

  std::uint64_t pointsSeed() const { return dataSeed.value_or(settings.seed); }
  bool operator==(const NetworkScene&) const = default;
};

// Where playback stood: replaying a file runs every run to these positions.
struct Playback {
  long long landscapeSteps = 0;
  long long networkEpochs = 0;
  double speed = 100.0;         // landscape steps per second per run; +inf: unlimited
  double networkSpeed = 250.0;  // network minibatch steps per second per run; +inf: unlimited

  bool operator==(const Playback&) const = default;
};

struct Experiment {
  ExperimentPage page = ExperimentPage::Landscape;
  // nullopt: the file does not describe that page, which then shows its default scene.
  std::optional<LandscapeScene> landscape;
  std::optional<NetworkScene> network;
  Playback playback;

  bool operator==(const Experiment&) const = default;
};

}  // namespace optiscope

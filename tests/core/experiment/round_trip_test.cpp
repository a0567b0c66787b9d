// Every field of both pages survives writeExperiment -> readExperiment unchanged, and the
// written text names it (issue 11: "a test per field, both pages").
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"

using namespace optiscope;

namespace {

struct FieldChange {
  const char* field;  // as the file names it
  std::function<void(Experiment&)> change;
};

Experiment roundTrip(const Experiment& experiment) {
  std::vector<std::string> warnings;
  const Experiment back = readExperiment(writeExperiment(experiment), &warnings);
  CHECK(warnings.empty());
  return back;
}

LandscapeScene& landscape(Experiment& e) { return *e.landscape; }
NetworkScene& network(Experiment& e) { return *e.network; }
LandscapeRun& landscapeRun(Experiment& e) { return e.landscape->runs.at(1); }
ExperimentRun& networkRun(Experiment& e) { return e.network->runs.at(2); }
// n points of two classes as `x1,x2,label` lines.
std::string csvText(int n) {
  std::string text = "x1,x2,label\n";
  for (int i = 0; i < n; ++i)
    text += std::to_string(i * 0.25 - 3) + "," + std::to_string((i * 7 % 11) * 0.5 - 2.5) + "," +
            std::to_string(i % 2) + "\n";
  return text;
}

GeneratedData& generated(Experiment& e) { return std::get<GeneratedData>(e.network->data); }

const std::vector<FieldChange> kChanges = {
    {"page", [](Experiment& e) { e.page = ExperimentPage::Network; }},
    // landscape
    {"function", [](Experiment& e) { landscape(e).function = "quadratic:condition=100,angle=30"; }},
    {"start",
     [](Experiment& e) {
       landscape(e).start = {{0.1 + 0.2, -1e-300}};
     }},
    {"view",
     [](Experiment& e) {
       landscape(e).view = ViewBox{{-2.5, 2.25}, {1.0 / 3.0, 7.0}};
     }},
    {"color_scale", [](Experiment& e) { landscape(e).colorScale = ColorScale::Linear; }},
    {"contours", [](Experiment& e) { landscape(e).contours = false; }},
    {"runs", [](Experiment& e) { landscape(e).runs.pop_back(); }},
    {"name", [](Experiment& e) { landscapeRun(e).name = "Momentum, \"heavy\" ball ½"; }},
    {"color", [](Experiment& e) { landscapeRun(e).color = "#0a0b0c"; }},
    {"visible", [](Experiment& e) { landscapeRun(e).visible = false; }},
    {"optimizer", [](Experiment& e) { landscapeRun(e).optimizer = "adam:lr=0.1,amsgrad=true"; }},
    {"schedule",
     [](Experiment& e) {
       landscapeRun(e).schedule =
           "sequence:first=linear(start_factor=0.1,total_iters=10),then=cosine(t_max=90),"
           "milestone=10";
     }},
    {"noise", [](Experiment& e) { landscapeRun(e).noise = 0.123456789012345678; }},
    {"seed",
     [](Experiment& e) { landscapeRun(e).seed = std::numeric_limits<std::uint64_t>::max(); }},
    // network
    {"dataset", [](Experiment& e) { generated(e).name = "spiral3"; }},
    {"dataset", [](Experiment& e) { network(e).data = CsvData{csvText(40)}; }},
    {"points", [](Experiment& e) { generated(e).points = 1234; }},
    {"noise", [](Experiment& e) { generated(e).noise = 0.35; }},
    {"train_ratio", [](Experiment& e) { network(e).trainRatio = 0.7; }},
    {"seed", [](Experiment& e) { network(e).settings.seed = 9007199254740993ull; }},
    {"data_seed", [](Experiment& e) { network(e).dataSeed = 17; }},
    {"features",
     [](Experiment& e) {
       network(e).settings.features = {Feature::SinX2, Feature::X1TimesX2, Feature::X1Squared};
     }},
    {"hidden",
     [](Experiment& e) {
       network(e).settings.hidden = {16, 1, 3};
     }},
    {"hidden", [](Experiment& e) { network(e).settings.hidden = {}; }},
    {"activation", [](Experiment& e) { network(e).settings.activation = Activation::Relu; }},
    {"loss", [](Experiment& e) { network(e).settings.loss = Loss::SoftmaxCrossEntropy; }},
    {"regularization",
     [](Experiment& e) { network(e).settings.regularization.kind = Regularization::Kind::L1; }},
    {"regularization_rate", [](Experiment& e) { network(e).settings.regularization.rate = 0.003; }},
    {"batch_size", [](Experiment& e) { network(e).settings.batchSize = 25; }},
    {"show_test_points", [](Experiment& e) { network(e).showTestPoints = true; }},
    {"runs", [](Experiment& e) { network(e).runs.clear(); }},
    {"name", [](Experiment& e) { networkRun(e).name = "AdaGrad (slow)"; }},
    {"color", [](Experiment& e) { networkRun(e).color = "#ffffff"; }},
    {"visible", [](Experiment& e) { networkRun(e).visible = false; }},
    {"optimizer", [](Experiment& e) { networkRun(e).optimizer = "nadam:lr=0.002,fixed=true"; }},
    {"schedule", [](Experiment& e) { networkRun(e).schedule = "multistep:milestones=[30,60]"; }},
    // playback
    {"landscape_steps", [](Experiment& e) { e.playback.landscapeSteps = 123456789012; }},
    {"network_epochs", [](Experiment& e) { e.playback.networkEpochs = 42; }},
    {"speed", [](Experiment& e) { e.playback.speed = 2.5; }},
    {"speed", [](Experiment& e) { e.playback.speed = std::numeric_limits<double>::infinity(); }},
    {"network_speed",
     [](Experiment& e) { e.playback.networkSpeed = std::numeric_limits<double>::infinity(); }},
    {"network_speed", [](Experiment& e) { e.playback.networkSpeed = 1.0; }},
};

}  // namespace

TEST_CASE("the default experiment reads back unchanged") {
  const Experiment base = defaultExperiment();
  CHECK(roundTrip(base) == base);
}

TEST_CASE("every field of both pages reads back as written") {
  for (const FieldChange& change : kChanges) {
    INFO(change.field);
    Experiment changed = defaultExperiment();
    change.change(changed);
    REQUIRE_FALSE(changed == defaultExperiment());  // the change is one the comparison sees
    const std::string text = writeExperiment(changed);
    CHECK(text.find(std::string("\"") + change.field + "\"") != std::string::npos);
    CHECK(roundTrip(changed) == changed);
  }
}

TEST_CASE("a page left out of the experiment stays out") {
  Experiment onlyNetwork = defaultExperiment();
  onlyNetwork.landscape.reset();
  onlyNetwork.page = ExperimentPage::Network;
  CHECK(roundTrip(onlyNetwork) == onlyNetwork);
  CHECK(writeExperiment(onlyNetwork).find("\"landscape\"") == std::string::npos);

  Experiment onlyLandscape = defaultExperiment();
  onlyLandscape.network.reset();
  CHECK(roundTrip(onlyLandscape) == onlyLandscape);
  CHECK(writeExperiment(onlyLandscape).find("\"network\"") == std::string::npos);
}

TEST_CASE("numbers are written so that they read back to the same double") {
  Experiment e = defaultExperiment();
  const std::vector<double> awkward = {
      0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-308, 5e-324, 1.7976931348623157e308, -2.5e-17, 123456.789e10};
  for (double x : awkward) {
    e.landscape->start = {{x, -x}};
    e.landscape->runs[0].noise = std::abs(x);
    const Experiment back = roundTrip(e);
    CHECK(back.landscape->start == e.landscape->start);
    CHECK(back.landscape->runs[0].noise == std::abs(x));
  }
}

TEST_CASE("writing is stable: a written file writes out identically") {
  Experiment e = defaultExperiment();
  e.landscape->view = ViewBox{{-2, 2}, {-1, 3}};
  const std::string once = writeExperiment(e);
  CHECK(writeExperiment(readExperiment(once)) == once);
  // The documented key order.
  const auto at = [&](const char* key) { return once.find(std::string("\"") + key + "\""); };
  CHECK(at("format") < at("version"));
  CHECK(at("version") < at("page"));
  CHECK(at("page") < at("landscape"));
  CHECK(at("landscape") < at("network"));
  CHECK(at("network") < at("playback"));
  CHECK(once.back() == '\n');
}

#pragma once

#include <cstddef>

#include "core/experiment/experiment.h"
#include "core/experiment/json_fields.h"

namespace optiscope {

// The parts of experiment_io.cpp's reader, one per object of the format. Each validates
// everything it reads and throws ExperimentError naming the value's path and line.

// name, color, visible, optimizer and schedule of runs[index] (both pages).
ExperimentRun readRunLook(ObjectReader& run, std::size_t index);
// "runs": an array of at most kMaxExperimentRuns objects, each handed to `readRun`.
template <class ReadRun>
void readRuns(ObjectReader& scene, ReadRun readRun) {
  const Json* runs = scene.find("runs");
  if (!runs) return;
  const std::string path = scene.pathOf("runs");
  arrayOf(*runs, path, scene.context());
  if (runs->size() > kMaxExperimentRuns)
    scene.fail("runs", std::to_string(runs->size()) + " runs; at most " +
                           std::to_string(kMaxExperimentRuns) + " per page");
  for (std::size_t i = 0; i < runs->size(); ++i) {
    ObjectReader run((*runs)[i], elementPath(path, i), scene.context());
    readRun(run, i);
    run.finish();
  }
}

LandscapeScene readLandscapeScene(const Json& value, const ReadContext& context);
NetworkScene readNetworkScene(const Json& value, const ReadContext& context);
Playback readPlayback(const Json& value, const ReadContext& context);

}  // namespace optiscope

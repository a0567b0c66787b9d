#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/experiment/experiment.h"
#include "core/experiment/experiment_error.h"

namespace optiscope {

// Experiment files: versioned JSON, the format of docs/EXPERIMENT_FORMAT.md.

// Reads and validates everything: malformed JSON, wrong types, missing required keys, unknown
// or out-of-range values, bad specs (through the optimizer, schedule and objective
// registries), a start of the wrong size, data that does not fit the network, a newer version.
// Throws ExperimentError naming the JSON path and the line. Unknown keys are left out of the
// result; each adds one line to `warnings` (when given), e.g.
// "line 4: landscape.colour: unknown key, ignored".
Experiment readExperiment(std::string_view text, std::vector<std::string>* warnings = nullptr);
// The same from a file; errors and warnings start with `path` ("<path> line 4: ...").
Experiment readExperimentFile(const std::string& path,
                              std::vector<std::string>* warnings = nullptr);

// Pretty-printed JSON with the keys in the documented order and every value written out
// (defaults too), numbers as the shortest text that reads back to the same double, ending in
// a newline. readExperiment(writeExperiment(e)) == e.
std::string writeExperiment(const Experiment& experiment);
// Written atomically (core/util/atomic_file.h): readers never see half a file. Throws
// std::runtime_error naming the path when it cannot be written.
void writeExperimentFile(const std::string& path, const Experiment& experiment);

}  // namespace optiscope

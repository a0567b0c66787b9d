#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "core/experiment/experiment.h"
#include "core/nn/dataset.h"
#include "core/nn/loss.h"

namespace optiscope {

// The data of a network scene, as `optiscope-cli train` and experiment files both build it:
// a catalog dataset generated with its points and noise, or CSV text whose labels are classes
// unless the loss is mse (then values); both from the scene's points seed.

// How CSV labels are read for a loss choice (train's --csv-data rule).
TaskKind csvTaskKind(std::optional<Loss> loss);
// The points before the split. `csvSource` names CSV text in messages ("<source> line N: ...").
// Throws SpecError.
Dataset loadNetworkDataset(const NetworkScene& scene, std::string_view csvSource = "csv");
// The points split into train and test sets by the scene's ratio and points seed.
std::shared_ptr<const DataSplit> buildNetworkData(const NetworkScene& scene,
                                                  std::string_view csvSource = "csv");

}  // namespace optiscope

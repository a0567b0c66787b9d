#include "core/experiment/network_data.h"

#include <sstream>

#include "core/nn/csv_dataset.h"

namespace optiscope {

TaskKind csvTaskKind(std::optional<Loss> loss) {
  return loss == Loss::SquaredError ? TaskKind::Regression : TaskKind::Classification;
}

Dataset loadNetworkDataset(const NetworkScene& scene, std::string_view csvSource) {
  if (const auto* csv = std::get_if<CsvData>(&scene.data)) {
    std::istringstream in(csv->text);
    return parseCsvDataset(in, csvSource, csvTaskKind(scene.settings.loss));
  }
  const auto& generated = std::get<GeneratedData>(scene.data);
  return generateDataset(generated.name,
                         DatasetOptions{generated.points, generated.noise, scene.pointsSeed()});
}

std::shared_ptr<const DataSplit> buildNetworkData(const NetworkScene& scene,
                                                  std::string_view csvSource) {
  return std::make_shared<const DataSplit>(
      splitDataset(loadNetworkDataset(scene, csvSource), scene.trainRatio, scene.pointsSeed()));
}

}  // namespace optiscope

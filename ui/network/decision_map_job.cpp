#include "ui/network/decision_map_job.h"

#include "core/nn/features.h"
#include "ui/network/network_colors.h"

namespace optiscope::ui {
namespace {

QImage featureImage(Feature feature, const GridBox& box, int resolution) {
  // The feature's values over the box, scaled by its largest magnitude there.
  Eigen::MatrixXd values(resolution, resolution);
  for (int iy = 0; iy < resolution; ++iy)
    for (int ix = 0; ix < resolution; ++ix)
      values(iy, ix) =
          featureValue(feature, box.x1Min + (ix + 0.5) * (box.x1Max - box.x1Min) / resolution,
                       box.x2Min + (iy + 0.5) * (box.x2Max - box.x2Min) / resolution);
  const double scale = values.cwiseAbs().maxCoeff();
  QImage image(resolution, resolution, QImage::Format_RGB32);
  for (int iy = 0; iy < resolution; ++iy)
    for (int ix = 0; ix < resolution; ++ix)
      image.setPixel(ix, resolution - 1 - iy,
                     divergingColor(scale > 0 ? values(iy, ix) / scale : 0.0));
  return image;
}

}  // namespace

const DecisionMaps::RunMap* DecisionMaps::find(RunId id) const {
  for (const RunMap& run : runs)
    if (run.id == id) return &run;
  return nullptr;
}

DecisionMaps computeDecisionMaps(const DecisionMapRequest& request) {
  // One evaluator per pool thread: its scratch space is reused from one request to the next.
  thread_local DecisionGridEvaluator evaluator;
  thread_local DecisionGrid grid;
  DecisionMaps maps;
  maps.task = request.task;
  maps.box = request.box;
  maps.selected = request.selected;
  const NetworkTask& task = *request.task;
  const std::vector<Feature>& features = task.settings().features;
  for (Feature feature : features)
    maps.features.push_back(featureImage(feature, request.box, request.resolution));
  for (const DecisionMapRequest::Run& run : request.runs) {
    if (run.params.size() != task.parameterCount()) continue;  // a run of an older task
    evaluator.evaluate(task.mlp(), features, run.params, request.box, request.resolution, grid);
    maps.runs.push_back({run.id, run.step, decisionImage(grid)});
    if (run.id != request.selected) continue;
    for (size_t h = 0; h < grid.neurons.size(); ++h) {
      std::vector<QImage> layer;
      for (Eigen::Index n = 0; n < grid.neurons[h].rows(); ++n)
        layer.push_back(neuronImage(grid, h, n, task.settings().activation));
      maps.neurons.push_back(std::move(layer));
    }
  }
  return maps;
}

DecisionMapJob::DecisionMapJob(QObject* parent)
    : QObject(parent),
      m_job(std::make_unique<GuiJob<DecisionMaps>>(
          [this](std::shared_ptr<const DecisionMaps> maps) { emit ready(std::move(maps)); },
          Supersede::kFinishRunning)) {}

DecisionMapJob::~DecisionMapJob() { m_job.reset(); }

void DecisionMapJob::request(DecisionMapRequest request) {
  if (!request.task) return;
  m_job->request([request = std::move(request)](const GuiJob<DecisionMaps>::Outlet& outlet) {
    auto maps = std::make_shared<DecisionMaps>(computeDecisionMaps(request));
    maps->sequence = outlet.generation();
    outlet.deliver(std::move(maps));
  });
}

}  // namespace optiscope::ui

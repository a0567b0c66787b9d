#include "ui/network/decision_map_job.h"

#include <QtConcurrent/QtConcurrentRun>

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

DecisionMapJob::DecisionMapJob(QObject* parent) : QObject(parent) {
  connect(&m_watcher, &QFutureWatcherBase::finished, this, &DecisionMapJob::finished);
}

DecisionMapJob::~DecisionMapJob() { m_watcher.waitForFinished(); }

void DecisionMapJob::request(DecisionMapRequest request) {
  if (!request.task) return;
  if (m_running) {
    m_pending = std::move(request);
    return;
  }
  start(std::move(request));
}

void DecisionMapJob::start(DecisionMapRequest request) {
  m_running = true;
  const std::uint64_t sequence = ++m_requested;
  m_watcher.setFuture(QtConcurrent::run([request = std::move(request), sequence] {
    auto maps = std::make_shared<DecisionMaps>(computeDecisionMaps(request));
    maps->sequence = sequence;
    return std::shared_ptr<const DecisionMaps>(std::move(maps));
  }));
}

void DecisionMapJob::finished() {
  m_running = false;
  auto maps = m_watcher.result();
  if (m_pending) {
    // A newer request is waiting: start it. This result is still newer than what is on
    // screen, so it is shown meanwhile; the receiver drops results of a task since replaced.
    DecisionMapRequest next = std::move(*m_pending);
    m_pending.reset();
    start(std::move(next));
  }
  emit ready(std::move(maps));
}

}  // namespace optiscope::ui

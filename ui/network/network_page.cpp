#include "ui/network/network_page.h"

#include <QCheckBox>
#include <QEventLoop>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_configs.h"
#include "ui/common/runs_panel.h"
#include "ui/network/builder_panel.h"
#include "ui/network/dataset_panel.h"
#include "ui/network/decision_maps_area.h"
#include "ui/network/epoch_curves_plot.h"
#include "ui/network/feature_picker.h"
#include "ui/network/insight/layer_rate_bands.h"
#include "ui/network/insight/layer_rate_heatmap.h"
#include "ui/network/insight/loss_slice_view.h"
#include "ui/network/insight/network_insight_panel.h"
#include "ui/network/network_controller.h"
#include "ui/network/network_diagram.h"
#include "ui/network/network_run_extras.h"
#include "ui/network/network_scene.h"

namespace optiscope::ui {
namespace {

QGroupBox* group(const QString& title, QWidget* content) {
  auto* box = new QGroupBox(title);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 6, 4, 4);
  layout->addWidget(content);
  return box;
}

}  // namespace

NetworkPage::NetworkPage(NetworkController* controller, QWidget* parent)
    : Page(parent), m_controller(controller), m_extras(std::make_unique<NetworkRunExtras>()) {
  setObjectName(QStringLiteral("NetworkPage"));
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  // A window smaller than the page's minimum scrolls it rather than growing (the landscape
  // page shares the window and must fit small screens).
  auto* scroll = new QScrollArea(this);
  scroll->setAccessibleName(tr("Network page"));
  scroll->setObjectName(QStringLiteral("pageScroll"));
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* splitter = new QSplitter(Qt::Horizontal);
  splitter->setObjectName(QStringLiteral("networkColumns"));
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(m_leftColumn = buildLeftColumn());
  splitter->addWidget(buildCentre());
  splitter->addWidget(buildRightColumn());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 3);
  splitter->setStretchFactor(2, 2);
  splitter->setSizes({300, 640, 480});
  scroll->setWidget(splitter);
  row->addWidget(scroll);

  connect(m_dataset, &DatasetPanel::showTestPointsChanged, m_maps,
          &DecisionMapsArea::setShowTestPoints);
  connect(m_maps, &DecisionMapsArea::mapsShown, m_diagram, &NetworkDiagram::setMaps);
  connect(controller, &NetworkController::problemChanged, this, &NetworkPage::showNetwork);
  connect(controller, &RunController::runsChanged, this, &Page::sceneEdited);
  connect(controller, &RunController::problemChanged, this, &Page::sceneEdited);
  connect(m_maps, &DecisionMapsArea::mapsShown, this, &NetworkPage::showSelectedParams);
  connect(controller, &NetworkController::selectedRunChanged, this,
          &NetworkPage::showSelectedParams);
  showNetwork();
}

NetworkPage::~NetworkPage() = default;

QString NetworkPage::title() const { return tr("Network"); }

QString NetworkPage::summary() const { return tr("optimizers training a small network"); }

RunController* NetworkPage::controller() const { return m_controller; }

QList<QPair<QString, QString>> NetworkPage::gestures() const {
  return {{tr("Hover a neuron"), tr("a large view of its output")},
          {tr("Click a small map"), tr("select its run")}};
}

QList<FigurePart> NetworkPage::figureParts() const {
  QList<FigurePart> parts{{tr("Network"), m_diagram},
                          {tr("Decision maps"), m_maps},
                          {tr("Loss"), m_loss},
                          {tr("Accuracy"), m_accuracy}};
  if (auto* insight = qobject_cast<NetworkInsightPanel*>(m_insight)) {
    parts.append({tr("Learning rates per layer (heatmap)"), insight->rateHeatmap()});
    parts.append({tr("Learning rates per layer (bands)"), insight->rateBands()});
    int slice = 0;
    for (QCustomPlot* plot : insight->sliceView()->findChildren<QCustomPlot*>())
      parts.append(
          {slice++ == 0 ? tr("Loss landscape") : tr("Loss landscape (%1)").arg(slice), plot});
  }
  return parts;
}

QList<FigurePart> NetworkPage::animationParts() const {
  return {{tr("Decision maps"), m_maps}, {tr("Loss"), m_loss}, {tr("Accuracy"), m_accuracy}};
}

bool NetworkPage::settleFigure(int timeoutMs) {
  // The maps are computed off the GUI thread: ask for them at this position and wait.
  bool shown = false;
  QEventLoop waiting;
  const QMetaObject::Connection connection =
      connect(m_maps, &DecisionMapsArea::mapsShown, &waiting, [&] {
        shown = true;
        waiting.quit();
      });
  QTimer::singleShot(timeoutMs, &waiting, &QEventLoop::quit);
  m_maps->requestNow();
  if (!shown) waiting.exec();
  disconnect(connection);
  m_loss->refreshNow();
  m_accuracy->refreshNow();
  return shown;
}

void NetworkPage::loadDefaultScene() {
  Experiment defaults;
  defaults.network = defaultNetworkScene();
  applyScene(defaults);
}

void NetworkPage::captureScene(Experiment& into) const {
  NetworkScene scene = captureNetworkRuns(*m_controller);
  scene.showTestPoints = m_dataset->showTestBox()->isChecked();
  into.network = std::move(scene);
  long long steps = 0;
  if (const auto snapshot = m_controller->snapshot())
    for (const RunSnapshot& run : snapshot->runs) steps = std::max(steps, run.step);
  into.playback.networkEpochs = steps / m_controller->stepsPerEpoch();
  into.playback.networkSpeed = m_controller->speed();
}

void NetworkPage::checkScene(const Experiment& experiment) const {
  if (experiment.network) networkRunConfigs(*experiment.network);
}

void NetworkPage::applyScene(const Experiment& experiment) {
  const NetworkScene scene = experiment.network.value_or(defaultNetworkScene());
  applyNetworkRuns(*m_controller, scene);  // validates first, throws with nothing changed
  m_controller->pause();
  m_controller->setSpeed(experiment.playback.networkSpeed);
  m_dataset->showTestBox()->setChecked(scene.showTestPoints);
  if (experiment.playback.networkEpochs > 0)
    m_controller->step(experiment.playback.networkEpochs * m_controller->stepsPerEpoch());
}

void NetworkPage::setPresenting(bool presenting) { m_leftColumn->setVisible(!presenting); }

QWidget* NetworkPage::buildLeftColumn() {
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(4, 4, 4, 4);
  m_dataset = new DatasetPanel(m_controller);
  m_features = new FeaturePicker(m_controller);
  m_builder = new BuilderPanel(m_controller);
  layout->addWidget(group(QStringLiteral("Data"), m_dataset));
  layout->addWidget(group(QStringLiteral("Features"), m_features));
  layout->addWidget(group(QStringLiteral("Network"), m_builder));
  layout->addStretch(1);
  // Small screens scroll rather than squash the controls.
  auto* scroll = new QScrollArea;
  scroll->setAccessibleName(tr("Data, features and network"));
  scroll->setWidget(column);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // As narrow as its controls allow (a 1024-pixel screen shares its width with two columns).
  scroll->setMinimumWidth(column->minimumSizeHint().width() +
                          scroll->verticalScrollBar()->sizeHint().width());
  return scroll;
}

QWidget* NetworkPage::buildCentre() {
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->setChildrenCollapsible(false);
  m_diagram = new NetworkDiagram;
  m_maps = new DecisionMapsArea(m_controller);
  m_loss = new EpochCurvesPlot(m_controller, EpochCurvesPlot::Quantity::Loss);
  m_accuracy = new EpochCurvesPlot(m_controller, EpochCurvesPlot::Quantity::Accuracy);
  auto* curves = new QTabWidget;
  curves->setAccessibleName(tr("Loss and accuracy"));
  curves->setDocumentMode(true);
  curves->addTab(m_loss, QStringLiteral("Loss"));
  curves->addTab(m_accuracy, QStringLiteral("Accuracy"));
  splitter->addWidget(
      group(QStringLiteral("Network of the selected run (hover a neuron)"), m_diagram));
  splitter->addWidget(group(QStringLiteral("Decision boundary"), m_maps));
  splitter->addWidget(curves);
  splitter->setSizes({230, 330, 200});
  return splitter;
}

QWidget* NetworkPage::buildRightColumn() {
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->setChildrenCollapsible(false);
  m_runs = new RunsPanel(m_controller, m_extras.get());
  splitter->addWidget(group(QStringLiteral("Runs"), m_runs));
  splitter->addWidget(m_insight = buildInsight());
  splitter->setSizes({380, 420});
  return splitter;
}

QWidget* NetworkPage::buildInsight() {
  // "Learning rates | Loss landscape" for the selected run (helper netinsight's panel).
  return new NetworkInsightPanel(m_controller);
}

void NetworkPage::showNetwork() {
  const auto task = m_controller->task();
  QStringList labels;
  for (Feature feature : task->settings().features)
    labels << featureLabel(static_cast<int>(feature));
  m_diagram->setNetwork(task->mlp().shape(), labels);
  showSelectedParams();
}

void NetworkPage::showSelectedParams() {
  m_diagram->setParams(m_controller->currentParams(m_controller->selectedRun()));
}

}  // namespace optiscope::ui

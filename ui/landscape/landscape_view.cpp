#include "ui/landscape/landscape_view.h"

#include <qcustomplot.h>

#include <QActionGroup>
#include <QMenu>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/util/spec_error.h"
#include "ui/common/figure_export.h"
#include "ui/common/landscape_heatmap.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_evaluator.h"
#include "ui/landscape/landscape_markers.h"
#include "ui/landscape/trajectory_paths.h"

namespace optiscope::ui {

namespace {

const QString kLandscapeLayer = QStringLiteral("landscape");
const QString kPathLayer = QStringLiteral("paths");
const QString kMarkerLayer = QStringLiteral("markers");

// The coarse pass answers within a frame or two; the fine one resolves about two pixels per
// cell, which linear interpolation (colors and contour crossings) makes look smooth.
constexpr GridSize kCoarseGrid{56, 56};
constexpr int kPixelsPerCell = 2;
constexpr int kMinFineCells = 96;
constexpr int kMaxFineCells = 400;
constexpr int kContourLevels = 15;
// How far the wanted fine grid may drift from the one requested before it is asked for again.
constexpr double kFineGridTolerance = 0.2;

// Whether a fine grid of `requested` cells serves a plot that wants `wanted`. Tick labels
// change the axis rect by a few pixels whenever their numbers change width (after a zoom, or
// when a new result relabels the color bar): a grid within a fifth of the wanted resolution
// looks the same, while asking again would throw away the fine result about to arrive (on a
// slow machine, again and again). A resized window still gets a grid of its own size.
bool servesWantedGrid(GridSize requested, GridSize wanted) {
  const auto close = [](int have, int want) {
    return std::abs(have - want) <= kFineGridTolerance * static_cast<double>(want);
  };
  return close(requested.nx, wanted.nx) && close(requested.ny, wanted.ny);
}

}  // namespace

LandscapeView::LandscapeView(LandscapeController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  buildPlot();
  m_evaluator = new LandscapeEvaluator(this);
  m_replay = new HoverStateReplay(this);

  connect(m_evaluator, &LandscapeEvaluator::resultReady, this,
          [this](std::shared_ptr<const LandscapeResult> result) {
            m_heatmap->show(std::move(result), wantedLogColors());
          });
  connect(m_heatmap.get(), &LandscapeHeatmap::shown, this, &LandscapeView::onLandscapeShown);
  connect(m_replay, &HoverStateReplay::replayed, this, &LandscapeView::onReplayed);
  connect(m_controller, &LandscapeController::problemChanged, this, &LandscapeView::onSceneChanged);
  connect(m_controller, &LandscapeController::runsChanged, this, &LandscapeView::onRunsChanged);
  connect(m_controller, &LandscapeController::updated, this, &LandscapeView::onUpdated);
  for (QCPAxis* axis : {axisRect()->axis(QCPAxis::atBottom), axisRect()->axis(QCPAxis::atLeft)})
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &LandscapeView::onViewChanged);
  connect(m_plot, &QCustomPlot::afterLayout, this, &LandscapeView::onLayout);

  onSceneChanged();
  onRunsChanged();
  onUpdated();
}

LandscapeView::~LandscapeView() = default;

QCPAxisRect* LandscapeView::axisRect() const { return m_plot->axisRect(); }

void LandscapeView::buildPlot() {
  m_plot = new QCustomPlot(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);

  m_plot->setMouseTracking(true);
  m_plot->installEventFilter(this);
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  m_plot->setAutoAddPlottableToLegend(false);
  m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(m_plot, &QWidget::customContextMenuRequested, this, &LandscapeView::showContextMenu);

  // The heatmap and contours change only with the view; paths and markers change every frame
  // and have buffered layers of their own, so a frame redraws only them.
  m_plot->addLayer(kLandscapeLayer, m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
  m_plot->addLayer(kPathLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_plot->addLayer(kMarkerLayer, m_plot->layer(kPathLayer), QCustomPlot::limAbove);
  m_pathLayer = m_plot->layer(kPathLayer);
  m_markerLayer = m_plot->layer(kMarkerLayer);
  m_pathLayer->setMode(QCPLayer::lmBuffered);
  m_markerLayer->setMode(QCPLayer::lmBuffered);

  QCPAxisRect* rect = m_plot->axisRect();
  rect->axis(QCPAxis::atBottom)->setLabel(QStringLiteral("x"));
  rect->axis(QCPAxis::atLeft)->setLabel(QStringLiteral("y"));
  rect->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_plot->legend->setVisible(true);
  m_plot->legend->setSelectableParts(QCPLegend::spNone);

  m_heatmap = std::make_unique<LandscapeHeatmap>(m_plot, rect, kLandscapeLayer);
  m_markers = std::make_unique<LandscapeMarkers>(m_plot, rect, kLandscapeLayer, kMarkerLayer);
  m_paths = std::make_unique<TrajectoryPaths>(m_plot, rect, kPathLayer, kMarkerLayer);

  m_message = new QCPItemText(m_plot);
  m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_message->position->setAxisRect(rect);
  m_message->position->setCoords(0.5, 0.5);
  m_message->setClipToAxisRect(true);
  m_message->setVisible(false);

  applyPalette();
}

void LandscapeView::applyPalette() {
  ui::applyPalette(*m_plot, palette());
  styleLegend();  // its font follows the window's (larger while presenting)
  for (QCPAxis* axis : axisRect()->axes()) axis->grid()->setVisible(false);  // the map fills it
  m_heatmap->applyPalette(palette());
  m_markers->applyLook();
  m_paths->syncRuns(*m_controller);  // pens as the presentation look has them
  m_message->setColor(palette().color(QPalette::WindowText));
}

void LandscapeView::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (isLookChange(*event) && m_plot) {
    applyPalette();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void LandscapeView::onLayout() {
  if (isBeingExported(*m_plot)) {
    layOutForFigure();
    return;
  }
  // The axis rect's pixel size is known only once QCustomPlot has laid it out: paths are
  // thinned for it and the fine grid follows it. Both are redrawn in a later replot, since
  // this one is already under way.
  keepAspect();
  m_markers->updateStartHint();
  if (m_objective && !servesWantedGrid(m_requestedFine, fineGridSize())) requestLandscape(false);
  if (m_paths->update(m_controller->traces()) != TrajectoryPaths::Change::None)
    QTimer::singleShot(0, this, [this] { m_plot->replot(QCustomPlot::rpQueuedReplot); });
}

GridSize LandscapeView::fineGridSize() const {
  const QRect pixels = axisRect()->rect();
  const auto cells = [](int extent) {
    return std::clamp(extent / kPixelsPerCell, kMinFineCells, kMaxFineCells);
  };
  return {cells(pixels.width()), cells(pixels.height())};
}

// ---------------------------------------------------------------- the scene and the view

void LandscapeView::onSceneChanged() {
  const ObjectiveConfig& objective = m_controller->objective();
  if (!m_objectiveConfig || *m_objectiveConfig != objective) {
    m_objectiveConfig = objective;
    m_autoLogColors.reset();
    m_generationConfigs.clear();
    m_evaluator->cancel();
    m_heatmap->clear();
    m_paths->clearPoints();
    hideHover();
    std::unique_ptr<Objective> made = makeObjective(objective);
    if (made->dim() == 2) {
      m_objective = std::move(made);
      m_markers->setMinima(m_objective->globalMinima());
      m_message->setVisible(false);
      resetView();
    } else {
      m_markers->setMinima({});
      m_message->setText(tr("The landscape shows functions of two variables;\n%1 has %2.")
                             .arg(QString::fromStdString(objective.spec()))
                             .arg(made->dim()));
      m_message->setVisible(true);
      m_objective.reset();
    }
  }
  const Eigen::VectorXd& start = m_controller->start();
  m_markers->setStartVisible(m_objective && start.size() == 2);
  if (start.size() == 2) m_markers->setStart(start);
  m_markers->updateStartHint();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::resetView() {
  if (!m_objective) return;
  const Box box = m_objective->viewBox();
  m_aspectRefits = 0;
  showBox(QCPRange(box.lower[0], box.upper[0]), QCPRange(box.lower[1], box.upper[1]));
  requestLandscape(true);
  m_paths->update(m_controller->traces());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::pair<std::pair<double, double>, std::pair<double, double>> LandscapeView::viewRanges() const {
  // The box the user asked for, not the one widened to equal aspect for this widget's size:
  // a scene saved here and opened in a window of another shape shows the same box whole.
  const bool wanted = m_wantedX.size() > 0.0 && m_wantedY.size() > 0.0;
  const QCPRange x = wanted ? m_wantedX : axisRect()->axis(QCPAxis::atBottom)->range();
  const QCPRange y = wanted ? m_wantedY : axisRect()->axis(QCPAxis::atLeft)->range();
  return {{x.lower, x.upper}, {y.lower, y.upper}};
}

void LandscapeView::setViewRanges(std::pair<double, double> x, std::pair<double, double> y) {
  if (!m_objective) return;
  m_aspectRefits = 0;
  showBox(QCPRange(x.first, x.second), QCPRange(y.first, y.second));  // kept through resizes
  requestLandscape(true);
  m_paths->update(m_controller->traces());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::onViewChanged() {
  if (m_settingRange || isBeingExported(*m_plot)) return;
  // The user's new view (zoom, pan) is the box to keep when the widget is resized.
  m_wantedX = axisRect()->axis(QCPAxis::atBottom)->range();
  m_wantedY = axisRect()->axis(QCPAxis::atLeft)->range();
  m_aspectFittedFor = m_plot->size();
  m_aspectRefits = 0;
  m_markers->updateStartHint();
  hideHover();
  requestLandscape(false);
  m_paths->update(m_controller->traces());  // thinning depends on the zoom
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::requestLandscape(bool now) {
  if (!m_objective) return;
  const QCPRange x = axisRect()->axis(QCPAxis::atBottom)->range();
  const QCPRange y = axisRect()->axis(QCPAxis::atLeft)->range();
  LandscapeRequest request;
  request.objective = m_objective;
  request.xMin = x.lower;
  request.xMax = x.upper;
  request.yMin = y.lower;
  request.yMax = y.upper;
  request.coarse = kCoarseGrid;
  request.fine = m_requestedFine = fineGridSize();
  request.levelCount = kContourLevels;
  request.spacing = LevelSpacing::kLogarithmic;
  if (now) {
    m_evaluator->requestNow(std::move(request));
  } else {
    m_evaluator->schedule(std::move(request));
  }
}

void LandscapeView::onLandscapeShown(bool logColors, bool spansDecades) {
  if (!m_autoLogColors) m_autoLogColors = spansDecades;
  // Only the first grid of a function decides; a result converted before that verdict was
  // in may show the other scale: convert it again.
  if (m_colorMode == ColorScaleMode::Automatic && logColors != *m_autoLogColors)
    m_heatmap->show(m_heatmap->shownResult(), m_autoLogColors);
  emit landscapeShown();
}

void LandscapeView::setColorScaleMode(ColorScaleMode mode) {
  m_colorMode = mode;
  if (m_heatmap->shownResult()) m_heatmap->show(m_heatmap->shownResult(), wantedLogColors());
}

std::optional<bool> LandscapeView::wantedLogColors() const {
  if (m_colorMode == ColorScaleMode::Automatic) return m_autoLogColors;  // nullopt: grid decides
  return m_colorMode == ColorScaleMode::Logarithmic;
}

bool LandscapeView::logColorsShown() const { return m_heatmap->logColorsShown(); }

void LandscapeView::setContoursShown(bool shown) { m_heatmap->setContoursShown(shown); }

bool LandscapeView::contoursShown() const { return m_heatmap->contoursShown(); }

std::shared_ptr<const LandscapeResult> LandscapeView::shownLandscape() const {
  return m_heatmap->shownResult();
}

void LandscapeView::showContextMenu(const QPoint& position) {
  QMenu menu(this);
  menu.addAction(tr("Reset view"), this, &LandscapeView::resetView);
  addOptionsTo(menu);
  menu.addSection(tr("Colors"));
  auto* group = new QActionGroup(&menu);
  const std::pair<ColorScaleMode, QString> modes[] = {
      {ColorScaleMode::Automatic, tr("Automatic (log for functions spanning decades)")},
      {ColorScaleMode::Logarithmic, tr("Logarithmic")},
      {ColorScaleMode::Linear, tr("Linear")}};
  for (const auto& [mode, label] : modes) {
    QAction* action = menu.addAction(label, this, [this, mode = mode] { setColorScaleMode(mode); });
    action->setCheckable(true);
    action->setChecked(m_colorMode == mode);
    group->addAction(action);
  }
  menu.addSeparator();
  menu.addAction(tr("Export this plot…"), this, &LandscapeView::figureExportRequested);
  menu.exec(m_plot->mapToGlobal(position));
}

// ---------------------------------------------------------------- runs and their paths

void LandscapeView::onRunsChanged() {
  m_paths->syncRuns(*m_controller);
  const std::vector<RunId>& ids = m_controller->runIds();
  std::erase_if(m_generationConfigs, [&](const auto& entry) {
    return std::find(ids.begin(), ids.end(), entry.first) == ids.end();
  });
  m_paths->update(m_controller->traces());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LandscapeView::onUpdated() {
  bool divergence = false;
  if (const auto snapshot = m_controller->snapshot()) {
    for (const RunSnapshot& run : snapshot->runs) {
      GenerationConfig& known = m_generationConfigs[run.id];
      if (known.generation != run.generation) known = {run.generation, run.config};
      divergence = m_paths->setDivergedAt(run.id, run.diverged ? run.divergedAt : -1) || divergence;
    }
  }
  const TrajectoryPaths::Change paths = m_paths->update(m_controller->traces());
  if (divergence) {
    m_plot->replot(QCustomPlot::rpQueuedReplot);  // the legend too
  } else if (paths != TrajectoryPaths::Change::None) {
    // Paths that only grew get their new segments painted onto what is there; the heads move
    // on the markers' layer. Neither the landscape nor the axes are drawn again.
    if (paths == TrajectoryPaths::Change::Redrawn || !m_paths->paintGrowth()) m_pathLayer->replot();
    // A converged run's head stays put while its path still takes points: no marker replot.
    if (paths == TrajectoryPaths::Change::Redrawn || m_paths->headsMoved()) m_markerLayer->replot();
  }
}

QCPItemText* LandscapeView::divergenceLabel(RunId id) const { return m_paths->divergenceLabel(id); }

std::size_t LandscapeView::drawnPathPoints(RunId id) const { return m_paths->drawnPointCount(id); }

const std::vector<Eigen::Vector2d>& LandscapeView::drawnPath(RunId id) const {
  return m_paths->drawnPoints(id);
}

std::shared_ptr<const RunConfig> LandscapeView::configFor(RunId id, long long generation) const {
  const auto found = m_generationConfigs.find(id);
  if (found != m_generationConfigs.end() && found->second.generation == generation &&
      found->second.config)
    return found->second.config;
  // Not seen at its start (the first poll came late): the current config; the replay's
  // bit-for-bit check tells whether it still reproduces the run.
  try {
    return std::make_shared<const RunConfig>(m_controller->runConfig(id));
  } catch (const SpecError&) {
    return nullptr;
  }
}

}  // namespace optiscope::ui

#include "ui/network/insight/loss_slice_view.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <utility>

#include "ui/common/landscape_heatmap.h"
#include "ui/common/plot_style.h"
#include "ui/common/presentation_look.h"
#include "ui/network/insight/loss_line_plot.h"
#include "ui/network/insight/loss_slice_jobs.h"

namespace optiscope::ui {
namespace {

constexpr int kLineRefreshMs = 500;
constexpr int kCoarseResolution = 11;

}  // namespace

LossSliceView::LossSliceView(QWidget* parent) : QWidget(parent), m_jobs(new LossSliceJobs(this)) {
  m_plot = new QCustomPlot;
  m_plot->setMinimumSize(200, 160);
  m_plot->xAxis->setLabel(tr("a  (along direction 1)"));
  m_plot->yAxis->setLabel(tr("b  (along direction 2)"));
  m_heatmap = std::make_unique<LandscapeHeatmap>(m_plot, m_plot->axisRect(),
                                                 m_plot->currentLayer()->name());
  m_centerMark = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
  m_centerMark->setLineStyle(QCPCurve::lsNone);
  m_centerMark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, Qt::white, 12));
  m_centerMark->addData(0.0, 0.0);
  m_centerMark->setVisible(false);
  m_line = new LossLinePlot;

  m_recenter = new QPushButton(tr("Recenter"));
  m_recenter->setToolTip(
      tr("Put the slice's center on the selected run's current network (the directions keep "
         "their seed)"));
  m_rangeBox = new QDoubleSpinBox;
  m_rangeBox->setRange(0.05, 20.0);
  m_rangeBox->setDecimals(2);
  m_rangeBox->setSingleStep(0.25);
  m_rangeBox->setValue(m_range);
  m_rangeBox->setPrefix(QStringLiteral("± "));
  m_rangeBox->setToolTip(
      tr("Half-width of the slice in units of the filter-normalized directions"));
  m_status = new QLabel;
  m_status->setWordWrap(true);

  auto* bar = new QHBoxLayout;
  bar->addWidget(m_recenter);
  bar->addWidget(new QLabel(tr("range")));
  bar->addWidget(m_rangeBox);
  bar->addWidget(m_status, 1);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(m_plot);
  split->addWidget(m_line);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(split, 1);

  connect(m_recenter, &QPushButton::clicked, this, &LossSliceView::recenterRequested);
  connect(m_rangeBox, &QDoubleSpinBox::valueChanged, this, &LossSliceView::setSliceRange);
  connect(m_jobs, &LossSliceJobs::sliceReady, this, &LossSliceView::onSliceReady);
  connect(m_jobs, &LossSliceJobs::lineReady, this, [this](std::shared_ptr<const LossLine> line) {
    m_line->setLine(std::move(line), m_lineColor);
    emit lineShown();
  });
  connect(m_heatmap.get(), &LandscapeHeatmap::shown, this, [this](bool logColors, bool) {
    m_heatmap->colorScale()->setLabel(logColors ? tr("training loss (log)") : tr("training loss"));
    const auto shown = m_heatmap->shownResult();
    const bool fine = shown && shown->resolution == Resolution::kFine;
    if (fine) m_sliceComputing = false;
    m_status->setText(statusText());
    emit sliceShown(fine);
  });
  m_lineTimer.setSingleShot(true);
  m_lineTimer.setInterval(kLineRefreshMs);
  connect(&m_lineTimer, &QTimer::timeout, this, &LossSliceView::flushLine);
  applyAxes();
  ui::applyPalette(*m_plot, palette());
  m_heatmap->applyPalette(palette());
  m_status->setText(statusText());
}

LossSliceView::~LossSliceView() = default;

void LossSliceView::setTask(std::shared_ptr<const NetworkTask> task) {
  if (task == m_task) return;
  m_task = std::move(task);
  m_jobs->cancelAll();
  m_plane.reset();
  m_projections.setPlane(nullptr);
  m_heatmap->clear();
  m_centerMark->setVisible(false);
  for (auto& [id, curves] : m_curves) {
    curves.path->data()->clear();
    curves.head->data()->clear();
  }
  m_line->clearLine();
  m_lineFrom.resize(0);
  m_lineTo.resize(0);
  m_linePending = false;
  m_sliceComputing = false;
  m_status->setText(statusText());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossSliceView::recenter(const Eigen::VectorXd& center, const QString& description) {
  if (!m_task || center.size() != m_task->parameterCount()) return;
  m_plane = std::make_shared<const SlicePlane>(
      makeSlicePlane(m_task->mlp().layers(), center, sliceDirectionSeed(m_task->settings().seed)));
  m_projections.setPlane(m_plane);
  m_centerDescription = description;
  for (auto& [id, curves] : m_curves) {
    curves.path->data()->clear();
    curves.head->data()->clear();
  }
  requestSlice();
}

void LossSliceView::setSliceRange(double range) {
  if (!(range > 0.0) || range == m_range) return;
  m_range = range;
  if (m_rangeBox->value() != range) m_rangeBox->setValue(range);
  applyAxes();
  if (m_plane) requestSlice();
}

bool LossSliceView::computing() const { return !m_jobs->idle(); }

void LossSliceView::requestSlice() {
  LossSliceRequest request;
  request.plane = *m_plane;
  request.range = m_range;
  request.coarseResolution = kCoarseResolution;
  request.fineResolution = m_resolution;
  m_sliceComputing = true;
  m_jobs->requestSlice(m_task, std::move(request));
  m_status->setText(statusText());
}

void LossSliceView::onSliceReady(std::shared_ptr<const LandscapeResult> result) {
  m_centerMark->setVisible(true);
  m_heatmap->show(std::move(result), std::nullopt);
}

void LossSliceView::applyAxes() {
  m_plot->xAxis->setRange(-m_range, m_range);
  m_plot->yAxis->setRange(-m_range, m_range);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::shared_ptr<const LandscapeResult> LossSliceView::shownSlice() const {
  return m_heatmap->shownResult();
}

QString LossSliceView::statusText() const {
  if (!m_task) return tr("No network yet.");
  if (!m_plane) return tr("Press Recenter to slice the loss around the selected run.");
  const QString where =
      m_centerDescription.isEmpty() ? QString() : tr(" around %1").arg(m_centerDescription);
  if (m_sliceComputing) return tr("Computing the slice%1…").arg(where);
  return tr("%1×%1 slice%2; directions fixed (seed %3), filter-normalized, biases held")
      .arg(m_resolution)
      .arg(where)
      .arg(m_task->settings().seed);
}

LossSliceView::RunCurves& LossSliceView::curvesOf(RunId id) {
  auto it = m_curves.find(id);
  if (it != m_curves.end()) return it->second;
  RunCurves curves;
  curves.path = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
  curves.head = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
  curves.head->setLineStyle(QCPCurve::lsNone);
  return m_curves.emplace(id, curves).first->second;
}

void LossSliceView::dropCurves(RunId id) {
  auto it = m_curves.find(id);
  if (it == m_curves.end()) return;
  m_plot->removePlottable(it->second.path);
  m_plot->removePlottable(it->second.head);
  m_curves.erase(it);
}

QCPCurve* LossSliceView::trajectoryCurve(RunId id) const {
  auto it = m_curves.find(id);
  return it == m_curves.end() ? nullptr : it->second.path;
}

void LossSliceView::setTrajectories(const std::vector<SliceTrajectory>& runs) {
  std::vector<RunId> ids;
  for (const SliceTrajectory& run : runs) ids.push_back(run.id);
  std::vector<RunId> gone;
  for (const auto& [id, curves] : m_curves)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) gone.push_back(id);
  for (RunId id : gone) dropCurves(id);
  m_projections.forgetOtherRuns(ids);

  for (const SliceTrajectory& run : runs) {
    RunCurves& curves = curvesOf(run.id);
    const std::vector<Eigen::Vector2d> path =
        m_projections.path(run.id, run.generation, run.history, run.current);
    QVector<QCPCurveData> data;
    data.reserve(static_cast<int>(path.size()));
    for (std::size_t k = 0; k < path.size(); ++k)
      data.push_back({static_cast<double>(k), path[k].x(), path[k].y()});
    curves.path->data()->set(data, true);
    curves.path->setPen(QPen(run.color, 2));
    curves.path->setVisible(run.visible);
    curves.head->data()->clear();
    if (!path.empty()) curves.head->addData(path.back().x(), path.back().y());
    curves.head->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.5), QBrush(run.color), 9));
    curves.head->setVisible(run.visible);
  }
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossSliceView::setLineEnds(const Eigen::VectorXd& from, const Eigen::VectorXd& to,
                                const QColor& color) {
  if (!m_task || from.size() != m_task->parameterCount() || to.size() != from.size()) return;
  if (from.size() == m_lineFrom.size() && from == m_lineFrom && to == m_lineTo &&
      color == m_lineColor)
    return;
  m_lineFrom = from;
  m_lineTo = to;
  m_lineColor = color;
  m_linePending = true;
  if (!m_lineTimer.isActive()) flushLine();
}

void LossSliceView::flushLine() {
  if (!m_linePending || !m_task) return;
  // One line at a time: while training, the ends move faster than lines are worth drawing.
  if (!m_jobs->lineRunning()) {
    m_jobs->requestLine(m_task, m_lineFrom, m_lineTo);
    m_linePending = false;
  }
  m_lineTimer.start();
}

void LossSliceView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_task && !m_plane) emit recenterRequested();
}

void LossSliceView::changeEvent(QEvent* event) {
  if (isLookChange(*event)) {
    ui::applyPalette(*m_plot, palette());
    m_heatmap->applyPalette(palette());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
  QWidget::changeEvent(event);
}

}  // namespace optiscope::ui

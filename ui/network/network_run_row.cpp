#include "ui/network/network_run_row.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "ui/controllers/network_controller.h"
#include "ui/panels/run_row_parts.h"
#include "ui/panels/spec_editor.h"

namespace optiscope::ui {
namespace {

QString number(double value) { return QString::number(value, 'g', 3); }

}  // namespace

NetworkRunRow::NetworkRunRow(NetworkController* controller, RunId id, QWidget* parent)
    : QFrame(parent), m_controller(controller), m_id(id) {
  setFrameShape(QFrame::StyledPanel);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(6, 4, 6, 6);
  column->setSpacing(3);
  auto* header = new QHBoxLayout;
  m_swatch = runToolButton(this, QStringLiteral("color of this run, everywhere it is drawn"));
  m_label = new QLineEdit(this);
  m_label->setFrame(false);
  m_label->setToolTip(QStringLiteral("label of this run (click to rename)"));
  m_expand = runToolButton(this, QStringLiteral("learning-rate schedule of this run"));
  m_expand->setCheckable(true);
  m_duplicate = runToolButton(this, QStringLiteral("duplicate this run (to compare one knob)"));
  m_remove = runToolButton(this, QStringLiteral("remove this run"));
  header->addWidget(m_swatch);
  header->addWidget(m_label, 1);
  header->addWidget(m_expand);
  header->addWidget(m_duplicate);
  header->addWidget(m_remove);
  column->addLayout(header);
  connect(m_swatch, &QToolButton::clicked, this, &NetworkRunRow::chooseColor);
  connect(m_expand, &QToolButton::toggled, this, &NetworkRunRow::setExpanded);
  connect(m_duplicate, &QToolButton::clicked, this,
          [this] { m_controller->selectRun(m_controller->duplicateRun(m_id)); });
  // Queued: the row goes away with its run.
  connect(m_remove, &QToolButton::clicked, this, [this] {
    QMetaObject::invokeMethod(
        this, [c = m_controller, id = m_id] { c->removeRun(id); }, Qt::QueuedConnection);
  });
  connect(m_label, &QLineEdit::editingFinished, this, [this] {
    RunStyle style = m_controller->style(m_id);
    if (!takeRunLabel(m_label, style)) return refreshStyle();
    m_controller->setStyle(m_id, style);
  });

  m_optimizer = newOptimizerEditor(
      [this](const OptimizerConfig& config) { m_controller->setOptimizer(m_id, config); }, this);
  m_optimizer->setCompact(true);
  m_optimizer->picker()->setToolTip(QStringLiteral("optimizer of this run"));
  m_schedule = newScheduleEditor(
      [this](const ScheduleConfig& config) { m_controller->setSchedule(m_id, config); }, this);
  m_schedule->setCompact(true);
  m_schedule->picker()->setToolTip(
      QStringLiteral("learning-rate schedule (its step counts minibatch steps)"));
  column->addWidget(m_optimizer);
  column->addWidget(m_schedule);
  m_status = new QLabel(this);
  column->addWidget(m_status);
  setExpanded(false);
  for (QWidget* w :
       std::initializer_list<QWidget*>{m_swatch, m_expand, m_duplicate, m_remove, m_label,
                                       m_optimizer->picker(), m_schedule->picker()})
    w->installEventFilter(this);
  refresh();
}

void NetworkRunRow::setExpanded(bool expanded) {
  m_schedule->setVisible(expanded);
  showExpanded(m_expand, expanded);
}

void NetworkRunRow::refresh() {
  const NetworkRunConfig config = m_controller->runConfig(m_id);
  m_optimizer->setSpec(config.optimizer.spec());
  m_schedule->setSpec(config.schedule.spec());
  refreshStyle();
  refreshStatus();
}

void NetworkRunRow::refreshStatus() {
  const RunSnapshot* run = m_controller->runSnapshot(m_id);
  if (!run || !run->network) {
    m_status->setText(QStringLiteral("epoch 0"));
    return;
  }
  QString text = QStringLiteral("epoch %1").arg(run->epoch);
  if (run->lastEpoch) {
    const NetworkMetrics& m = run->lastEpoch->metrics;
    text += QStringLiteral(" · loss %1 / %2").arg(number(m.trainLoss), number(m.testLoss));
    if (m.testAccuracy) text += QStringLiteral(" · test acc %1").arg(number(*m.testAccuracy));
  }
  if (run->diverged) text += QStringLiteral(" · diverged");
  m_status->setText(text);
}

void NetworkRunRow::refreshStyle() {
  showRunStyle(m_controller->style(m_id), this, m_swatch, m_duplicate, m_remove, m_label);
}

void NetworkRunRow::chooseColor() {
  RunStyle style = m_controller->style(m_id);
  if (askRunColor(this, style)) m_controller->setStyle(m_id, style);
}

void NetworkRunRow::setSelected(bool selected) { showRunSelected(this, selected); }

void NetworkRunRow::mousePressEvent(QMouseEvent* event) {
  m_controller->selectRun(m_id);
  QFrame::mousePressEvent(event);
}

bool NetworkRunRow::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::FocusIn)
    m_controller->selectRun(m_id);
  return QFrame::eventFilter(watched, event);
}

void NetworkRunRow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) refreshStyle();
  QFrame::changeEvent(event);
}

}  // namespace optiscope::ui

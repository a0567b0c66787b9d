#include "ui/common/run_card.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "ui/common/drawn_icons.h"
#include "ui/common/presentation_look.h"
#include "ui/common/run_card_extras.h"
#include "ui/common/run_controller.h"
#include "ui/common/run_row_parts.h"
#include "ui/common/spec_editor.h"

namespace optiscope::ui {

RunCard::RunCard(RunController* controller, RunCardExtras* extras, RunId id, QWidget* parent)
    : QFrame(parent), m_controller(controller), m_extras(extras), m_id(id) {
  setFrameShape(QFrame::StyledPanel);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(6, 4, 6, 6);
  column->setSpacing(4);
  column->addWidget(buildHeader());

  m_optimizer = newOptimizerEditor(
      [this](const OptimizerConfig& config) { m_controller->setOptimizer(m_id, config); }, this);
  m_optimizer->picker()->setToolTip(tr("optimizer of this run"));
  m_optimizer->setPickedSpec([extras](const std::string& name) {
    return extras->startSpec(QString::fromStdString(name)).toStdString();
  });
  column->addWidget(m_optimizer);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  column->addWidget(m_status);
  column->addWidget(m_details = buildDetails());
  for (QWidget* w : std::initializer_list<QWidget*>{m_optimizer->picker(), m_schedule->picker()})
    w->installEventFilter(this);
  setExpanded(false);
  refresh();
}

QWidget* RunCard::buildHeader() {
  auto* header = new QWidget(this);
  auto* row = new QHBoxLayout(header);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  m_swatch = runToolButton(header, tr("color of this run, everywhere it is drawn"));
  connect(m_swatch, &QToolButton::clicked, this, &RunCard::chooseColor);
  m_label = new QLineEdit(header);
  m_label->setFrame(false);
  m_label->setToolTip(tr("label of this run: click to rename it"));
  m_label->setPlaceholderText(tr("name this run"));
  m_label->setAccessibleName(tr("run label"));
  // The pencil says what a click on the title does, and does it.
  m_rename = runToolButton(header, tr("rename this run"));
  connect(m_rename, &QToolButton::clicked, this, [this] {
    m_label->setFocus(Qt::MouseFocusReason);
    m_label->selectAll();
  });
  connect(m_label, &QLineEdit::editingFinished, this, [this] {
    RunStyle style = m_controller->style(m_id);
    if (!takeRunLabel(m_label, style)) return refreshStyle();
    m_controller->setStyle(m_id, style);
  });
  m_visible = new QCheckBox(tr("show"), header);
  m_visible->setToolTip(tr("draw this run (it keeps running when hidden)"));
  connect(m_visible, &QCheckBox::toggled, this, [this](bool on) {
    RunStyle style = m_controller->style(m_id);
    style.visible = on;
    m_controller->setStyle(m_id, style);
  });
  m_expand = runToolButton(header, tr("schedule and the run's other settings"));
  m_expand->setCheckable(true);
  connect(m_expand, &QToolButton::toggled, this, &RunCard::setExpanded);
  m_duplicate = runToolButton(header, tr("duplicate this run (to compare one knob)"));
  connect(m_duplicate, &QToolButton::clicked, this, [this] { emit duplicateRequested(m_id); });
  m_remove = runToolButton(header, tr("remove this run"));
  connect(m_remove, &QToolButton::clicked, this, [this] { emit removeRequested(m_id); });
  row->addWidget(m_swatch);
  row->addWidget(m_label, 1);
  row->addWidget(m_rename);
  row->addWidget(m_visible);
  row->addWidget(m_expand);
  row->addWidget(m_duplicate);
  row->addWidget(m_remove);
  // Tool buttons take no focus on click: their presses select this run here.
  for (QWidget* w : std::initializer_list<QWidget*>{m_swatch, m_rename, m_expand, m_duplicate,
                                                    m_remove, m_label, m_visible})
    w->installEventFilter(this);
  return header;
}

QWidget* RunCard::buildDetails() {
  auto* details = new QWidget(this);
  auto* column = new QVBoxLayout(details);
  column->setContentsMargins(0, 4, 0, 0);
  column->setSpacing(4);
  m_schedule = newScheduleEditor(
      [this](const ScheduleConfig& config) { m_controller->setSchedule(m_id, config); }, details);
  m_schedule->picker()->setToolTip(tr("learning-rate schedule (its step counts the run's steps)"));
  column->addWidget(m_schedule);
  m_pageDetails = m_extras->makeDetails(m_id, details);
  if (m_pageDetails) column->addWidget(m_pageDetails);
  return details;
}

void RunCard::refresh() {
  const RunConfig config = m_controller->runConfig(m_id);
  m_optimizer->setSpec(config.optimizer.spec());
  m_schedule->setSpec(config.schedule.spec());
  if (m_pageDetails) m_extras->refreshDetails(m_pageDetails, m_id);
  refreshStyle();
  refreshStatus();
}

void RunCard::refreshStatus() {
  const RunSnapshot* run = m_controller->runSnapshot(m_id);
  const QString text = m_extras->status(run);
  m_status->setVisible(!text.isEmpty());
  if (m_status->text() != text) m_status->setText(text);
  // A diverged run stands out in the list: its status line turns red and bold.
  const bool diverged = run && run->diverged;
  if (m_status->property("diverged").toBool() != diverged) {
    m_status->setProperty("diverged", diverged);
    m_status->setStyleSheet(diverged ? QStringLiteral("color: #d62728; font-weight: bold;")
                                     : QString());
  }
}

void RunCard::refreshStyle() {
  const RunStyle& style = m_controller->style(m_id);
  showRunStyle(style, this, m_swatch, m_duplicate, m_remove, m_label);
  // Room for a short name whole (a long one scrolls), and its start shown, not its end.
  const QFontMetrics metrics(m_label->font());
  m_label->setMinimumWidth(std::min(metrics.horizontalAdvance(m_label->text()),
                                    metrics.horizontalAdvance(QStringLiteral("Momentum"))) +
                           8);
  if (!m_label->hasFocus()) m_label->setCursorPosition(0);
  m_rename->setIcon(renameIcon(palette().color(QPalette::WindowText)));
  const QSignalBlocker block(m_visible);
  m_visible->setChecked(style.visible);
}

void RunCard::chooseColor() {
  select();
  RunStyle style = m_controller->style(m_id);
  if (askRunColor(this, style)) m_controller->setStyle(m_id, style);
}

void RunCard::setExpanded(bool expanded) {
  m_details->setVisible(expanded);
  m_optimizer->setCompact(!expanded);
  showExpanded(m_expand, expanded);
}

bool RunCard::isExpanded() const { return m_details->isVisibleTo(this); }

void RunCard::setSelected(bool selected) { showRunSelected(this, selected); }

void RunCard::select() { m_controller->selectRun(m_id); }

void RunCard::mousePressEvent(QMouseEvent* event) {
  select();
  QFrame::mousePressEvent(event);
}

bool RunCard::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::FocusIn) select();
  return QFrame::eventFilter(watched, event);
}

void RunCard::changeEvent(QEvent* event) {
  if (isLookChange(*event)) refreshStyle();
  QFrame::changeEvent(event);
}

}  // namespace optiscope::ui

#include "ui/panels/run_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"
#include "core/util/spec.h"
#include "core/util/spec_error.h"
#include "ui/controllers/engine_controller.h"
#include "ui/panels/param_field.h"
#include "ui/panels/param_form.h"
#include "ui/panels/run_row_parts.h"
#include "ui/panels/spec_editor.h"

namespace optiscope::ui {
namespace {

const char* const kSigmaKey = "noise σ";
const char* const kSeedKey = "seed";

std::vector<ParamInfo> noiseTable() {
  return {
      nonNegativeParam(kSigmaKey, 0.0,
                       "gradient noise: σ·N(0, 1) is added to every gradient component, "
                       "mimicking stochastic gradients (changing it restarts the run)"),
      integerParam(kSeedKey, 0, "seed of the gradient noise (changing it restarts the run)", 0)};
}

}  // namespace

RunEditor::RunEditor(EngineController* controller, RunId id, QWidget* parent)
    : QFrame(parent), m_controller(controller), m_id(id) {
  setFrameShape(QFrame::StyledPanel);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(6, 4, 6, 6);
  column->setSpacing(4);
  column->addWidget(buildHeader());

  m_optimizer = newOptimizerEditor(
      [this](const OptimizerConfig& config) { m_controller->setOptimizer(m_id, config); }, this);
  m_optimizer->picker()->setToolTip(QStringLiteral("optimizer of this run"));
  column->addWidget(m_optimizer);
  column->addWidget(m_details = buildDetails());
  setExpanded(false);
  refresh();
}

QWidget* RunEditor::buildHeader() {
  auto* header = new QWidget(this);
  auto* row = new QHBoxLayout(header);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  m_swatch = runToolButton(header, QStringLiteral("color of this run, everywhere it is drawn"));
  connect(m_swatch, &QToolButton::clicked, this, &RunEditor::chooseColor);
  m_label = new QLineEdit(header);
  m_label->setFrame(false);
  m_label->setToolTip(QStringLiteral("label of this run (click to rename)"));
  connect(m_label, &QLineEdit::editingFinished, this, [this] {
    RunStyle style = m_controller->style(m_id);
    if (!takeRunLabel(m_label, style)) return refreshStyle();
    m_controller->setStyle(m_id, style);
  });
  m_visible = new QCheckBox(QStringLiteral("show"), header);
  m_visible->setToolTip(QStringLiteral("draw this run (it keeps running when hidden)"));
  connect(m_visible, &QCheckBox::toggled, this, [this](bool on) {
    RunStyle style = m_controller->style(m_id);
    style.visible = on;
    m_controller->setStyle(m_id, style);
  });
  m_expand =
      runToolButton(header, QStringLiteral("schedule, gradient noise and every hyperparameter"));
  m_expand->setCheckable(true);
  connect(m_expand, &QToolButton::toggled, this, &RunEditor::setExpanded);
  m_duplicate = runToolButton(header, QStringLiteral("duplicate this run (to compare one knob)"));
  connect(m_duplicate, &QToolButton::clicked, this, [this] { emit duplicateRequested(m_id); });
  m_remove = runToolButton(header, QStringLiteral("remove this run"));
  connect(m_remove, &QToolButton::clicked, this, [this] { emit removeRequested(m_id); });
  row->addWidget(m_swatch);
  row->addWidget(m_label, 1);
  row->addWidget(m_visible);
  row->addWidget(m_expand);
  row->addWidget(m_duplicate);
  row->addWidget(m_remove);
  // Tool buttons take no focus on click: their presses make this run current here.
  for (QWidget* w : std::initializer_list<QWidget*>{m_swatch, m_expand, m_duplicate, m_remove})
    w->installEventFilter(this);
  return header;
}

QWidget* RunEditor::buildDetails() {
  auto* details = new QWidget(this);
  auto* column = new QVBoxLayout(details);
  column->setContentsMargins(0, 4, 0, 0);
  column->setSpacing(4);
  m_schedule = newScheduleEditor(
      [this](const ScheduleConfig& config) { m_controller->setSchedule(m_id, config); }, details);
  m_schedule->picker()->setToolTip(QStringLiteral("learning-rate schedule"));
  m_noise = new ParamForm(noiseTable(), {}, details);
  connect(m_noise, &ParamForm::committed, this, &RunEditor::applyNoise);
  column->addWidget(m_schedule);
  column->addWidget(m_noise);
  return details;
}

void RunEditor::applyNoise(const QString& key, const QString& text) {
  const std::string name = key.toStdString();
  try {
    const RunConfig config = m_controller->runConfig(m_id);
    double sigma = config.noiseSigma;
    long long seed = static_cast<long long>(config.noiseSeed);
    if (name == kSigmaKey) {
      sigma = parseFiniteDouble(text.toStdString(), kSigmaKey);
      checkValue(noiseTable()[0], sigma, "noise");
    } else {
      seed = parseInteger(text.toStdString(), kSeedKey);
      checkValue(noiseTable()[1], static_cast<double>(seed), "noise");
    }
    // The run restarts under a new id; the panel re-keys this editor on runReplaced.
    m_controller->setNoise(m_id, sigma, static_cast<std::uint64_t>(seed));
    m_noise->field(name)->setAcceptedText(text.trimmed());
  } catch (const SpecError& error) {
    m_noise->showError(name, QString::fromUtf8(error.what()));
  }
}

void RunEditor::refresh() {
  const RunConfig config = m_controller->runConfig(m_id);
  m_optimizer->setSpec(config.optimizer.spec());
  m_schedule->setSpec(config.schedule.spec());
  m_noise->setValues(
      {{kSigmaKey, formatDouble(config.noiseSigma)}, {kSeedKey, std::to_string(config.noiseSeed)}});
  refreshStyle();
}

void RunEditor::refreshStyle() {
  const RunStyle& style = m_controller->style(m_id);
  showRunStyle(style, this, m_swatch, m_duplicate, m_remove, m_label);
  const QSignalBlocker block(m_visible);
  m_visible->setChecked(style.visible);
}

void RunEditor::chooseColor() {
  emit activated(m_id);
  RunStyle style = m_controller->style(m_id);
  if (askRunColor(this, style)) m_controller->setStyle(m_id, style);
}

void RunEditor::setExpanded(bool expanded) {
  m_details->setVisible(expanded);
  m_optimizer->setCompact(!expanded);
  showExpanded(m_expand, expanded);
}

bool RunEditor::isExpanded() const { return m_details->isVisibleTo(this); }

void RunEditor::setCurrent(bool current) {
  m_current = current;
  showRunSelected(this, current);
}

void RunEditor::mousePressEvent(QMouseEvent* event) {
  emit activated(m_id);
  QFrame::mousePressEvent(event);
}

bool RunEditor::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonPress) emit activated(m_id);
  return QFrame::eventFilter(watched, event);
}

void RunEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) refreshStyle();
  QFrame::changeEvent(event);
}

}  // namespace optiscope::ui

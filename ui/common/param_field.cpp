#include "ui/common/param_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::ui {
namespace {

constexpr int kSliderNotchesPerDecade = 20;
constexpr int kErrorShownMs = 15000;
const char* const kErrorFrame = "border: 2px solid #d62728; border-radius: 3px;";

bool isRealLike(ParamKind kind) { return kind == ParamKind::Real; }

// The local half of validation (syntax and range), so a mistake shows while typing; the owner
// still validates the whole configuration (cross-field rules) when the entry is committed.
QString localProblem(const ParamInfo& info, const QString& text) {
  if (!isRealLike(info.kind)) return {};
  try {
    checkValue(info, parseFiniteDouble(text.toStdString(), info.name), "");
  } catch (const SpecError& error) {
    QString message = QString::fromStdString(error.what());
    if (message.startsWith(QStringLiteral(": "))) message.remove(0, 2);
    return message;
  }
  return {};
}

int clampToInt(double value) {
  return static_cast<int>(
      std::clamp(value, static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
}

}  // namespace

ParamField::ParamField(const ParamInfo& info, QWidget* parent) : QWidget(parent), m_info(info) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(2);
  buildEditor();
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #d62728;"));
  m_error->hide();
  column->addWidget(m_error);
  QString tip = QString::fromStdString(info.help + "\nallowed: " + info.rangeText() +
                                       "\ndefault: " + info.defaultAsText());
  setToolTip(tip);
  // What a screen reader says for the controls: the parameter's name ("lr", "momentum").
  const QString name = QString::fromStdString(info.name);
  for (QWidget* control : std::initializer_list<QWidget*>{m_check, m_spin, m_combo, m_edit})
    if (control) control->setAccessibleName(name);
  if (m_slider) m_slider->setAccessibleName(tr("%1, logarithmic slider").arg(name));
  setAcceptedText(QString::fromStdString(info.defaultAsText()));
}

void ParamField::buildEditor() {
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(6);
  static_cast<QVBoxLayout*>(layout())->addLayout(row);
  switch (m_info.kind) {
    case ParamKind::Bool:
      m_check = new QCheckBox(this);
      connect(m_check, &QCheckBox::toggled, this, [this](bool on) {
        commitText(on ? QStringLiteral("true") : QStringLiteral("false"));
      });
      row->addWidget(m_check);
      row->addStretch();
      return;
    case ParamKind::Integer:
      m_spin = new QSpinBox(this);
      m_spin->setRange(clampToInt(m_info.min), clampToInt(m_info.max));
      m_spin->setKeyboardTracking(false);  // commit on Enter/focus out, not per keystroke
      connect(m_spin, &QSpinBox::valueChanged, this,
              [this](int value) { commitText(QString::number(value)); });
      row->addWidget(m_spin, 1);
      return;
    case ParamKind::Choice:
      m_combo = new QComboBox(this);
      for (const std::string& choice : m_info.choices)
        m_combo->addItem(QString::fromStdString(choice));
      connect(m_combo, &QComboBox::activated, this,
              [this](int index) { commitText(m_combo->itemText(index)); });
      row->addWidget(m_combo, 1);
      return;
    default:
      break;
  }
  m_edit = new QLineEdit(this);
  connect(m_edit, &QLineEdit::textEdited, this, &ParamField::onTextEdited);
  m_edit->installEventFilter(this);
  connect(m_edit, &QLineEdit::editingFinished, this, [this] {
    const QString text = m_edit->text().trimmed();
    if (!localProblem(m_info, text).isEmpty()) return;  // the error is already shown
    // A rounded value left as shown stands for the exact one in force.
    const bool unchanged = m_shownDigits > 0 ? !m_edited : text == displayText(m_accepted);
    if (unchanged && !hasError()) return;
    commitText(text);
  });
  if (m_info.logScale && isRealLike(m_info.kind)) {
    m_edit->setMaximumWidth(110);
    row->addWidget(m_edit);
    buildLogSlider();
    row->addWidget(m_slider, 1);
  } else {
    row->addWidget(m_edit, 1);
  }
}

void ParamField::buildLogSlider() {
  // Six decades around the default reach every sensible setting; exact values beyond them are
  // typed. The range never leaves the parameter's allowed interval.
  const double reference = m_info.defaultValue > 0.0 ? m_info.defaultValue : 1e-2;
  double low = std::log10(reference) - 4.0;
  double high = std::log10(reference) + 2.0;
  if (std::isfinite(m_info.max) && m_info.max > 0.0) high = std::min(high, std::log10(m_info.max));
  if (m_info.min > 0.0) low = std::max(low, std::log10(m_info.min));
  m_sliderLowLog10 = low;
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setRange(0, static_cast<int>(std::lround((high - low) * kSliderNotchesPerDecade)));
  m_slider->setToolTip(
      QStringLiteral("logarithmic: one notch = ×10^(1/%1)").arg(kSliderNotchesPerDecade));
  // Drags (with tracking), keys and page clicks all arrive here; values set from the text are
  // set with signals blocked.
  connect(m_slider, &QSlider::valueChanged, this, &ParamField::onSliderMoved);
}

void ParamField::onSliderMoved(int position) {
  const double value =
      std::pow(10.0, m_sliderLowLog10 + static_cast<double>(position) / kSliderNotchesPerDecade);
  // Three significant digits: what a person would type; the exact text is what gets applied.
  const QString text = QString::number(value, 'g', 3);
  m_edit->setText(text);
  if (localProblem(m_info, text).isEmpty()) commitText(text);
}

bool ParamField::eventFilter(QObject* watched, QEvent* event) {
  // Escape abandons the entry: the value in force comes back and the keyboard returns to the
  // window, where Space, Right and R drive playback again.
  if (watched == m_edit && event->type() == QEvent::KeyPress &&
      static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
    setAcceptedText(m_accepted);
    if (QWidget* top = window()) top->setFocus(Qt::ShortcutFocusReason);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void ParamField::onTextEdited(const QString& text) {
  m_edited = true;
  const QString problem = localProblem(m_info, text.trimmed());
  if (problem.isEmpty())
    clearError();
  else
    showError(problem);
}

void ParamField::commitText(const QString& text) { emit committed(text); }

QString ParamField::displayText(const QString& text) const {
  if (!isRealLike(m_info.kind)) return text;
  bool ok = false;
  const double value = text.toDouble(&ok);
  if (!ok) return text;
  // The shortest text that reads back to the same double ("0.9", not "0.90000000000000002"),
  // in fixed notation where people expect it ("0.0005", not "5e-04").
  if (m_shownDigits > 0) return QString::number(value, 'g', m_shownDigits);
  const double magnitude = std::abs(value);
  const bool fixed = value == 0.0 || (magnitude >= 1e-5 && magnitude < 1e7);
  return QString::number(value, fixed ? 'f' : 'e', QLocale::FloatingPointShortest);
}

void ParamField::setAcceptedText(const QString& text) {
  m_accepted = text;
  m_edited = false;
  clearError();
  showTextInEditor(text);
  if (m_shownDigits > 0 && m_edit)
    m_edit->setToolTip(tr("exact value: %1").arg(QLocale::c().toString(text.toDouble(), 'g', 17)));
}

void ParamField::setShownDigits(int digits) {
  m_shownDigits = digits;
  setAcceptedText(m_accepted);
}

void ParamField::showTextInEditor(const QString& text) {
  if (m_check) {
    const QSignalBlocker block(m_check);
    m_check->setChecked(text == QStringLiteral("true"));
  } else if (m_spin) {
    const QSignalBlocker block(m_spin);
    m_spin->setValue(text.toInt());
  } else if (m_combo) {
    const QSignalBlocker block(m_combo);
    m_combo->setCurrentText(text);
  } else if (m_edit) {
    m_edit->setText(displayText(text));
    m_edit->setCursorPosition(0);
    syncSliderTo(text);
  }
}

void ParamField::syncSliderTo(const QString& text) {
  if (!m_slider) return;
  bool ok = false;
  const double value = text.toDouble(&ok);
  if (!ok || !(value > 0.0)) {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(m_slider->minimum());
    return;
  }
  const QSignalBlocker block(m_slider);
  m_slider->setValue(static_cast<int>(
      std::lround((std::log10(value) - m_sliderLowLog10) * kSliderNotchesPerDecade)));
}

QWidget* ParamField::editorWidget() const {
  if (m_check) return m_check;
  if (m_spin) return m_spin;
  if (m_combo) return m_combo;
  return m_edit;
}

void ParamField::showError(const QString& message) {
  const QString text = message + QStringLiteral(" — keeping ") + displayText(m_accepted);
  m_error->setText(text);
  m_error->show();
  // In full wherever the field is too narrow for it: the message wraps under the field, and
  // its tooltip, the field's and the window's status bar say it on one line.
  m_error->setToolTip(text);
  editorWidget()->setStyleSheet(kErrorFrame);
  editorWidget()->setToolTip(text);
  if (auto* main = qobject_cast<QMainWindow*>(window()))
    main->statusBar()->showMessage(
        QStringLiteral("%1: %2").arg(QString::fromStdString(m_info.name), text), kErrorShownMs);
}

void ParamField::clearError() {
  m_error->hide();
  m_error->clear();
  m_error->setToolTip({});
  editorWidget()->setStyleSheet({});
  editorWidget()->setToolTip({});
}

bool ParamField::hasError() const { return !m_error->text().isEmpty(); }

bool ParamField::isBeingEdited() const {
  if (m_edit) return m_edit->text().trimmed() != displayText(m_accepted);
  return m_spin && m_spin->hasFocus();
}

}  // namespace optiscope::ui

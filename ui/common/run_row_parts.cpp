#include "ui/common/run_row_parts.h"

#include <QColorDialog>
#include <QFrame>
#include <QLineEdit>
#include <QToolButton>
#include <string_view>
#include <utility>

#include "ui/common/drawn_icons.h"
#include "ui/common/run_palette.h"
#include "ui/common/run_style.h"
#include "ui/common/spec_editor.h"

namespace optiscope::ui {

QToolButton* runToolButton(QWidget* parent, const QString& tip) {
  auto* button = new QToolButton(parent);
  button->setToolTip(tip);
  button->setAccessibleName(tip);  // an icon alone says nothing to a screen reader
  button->setAutoRaise(true);
  button->setIconSize(QSize(16, 16));
  return button;
}

namespace {

template <class Config>
SpecEditor* newConfigEditor(SpecFamily family, Config (*parse)(std::string_view),
                            std::function<void(const Config&)> apply, QWidget* parent) {
  return new SpecEditor(
      std::move(family),
      [parse, apply = std::move(apply)](const std::string& spec) {
        const Config config = parse(spec);
        apply(config);
        return config.spec();
      },
      parent);
}

}  // namespace

SpecEditor* newOptimizerEditor(std::function<void(const OptimizerConfig&)> apply, QWidget* parent) {
  return newConfigEditor(SpecFamily::optimizers(), &parseOptimizerSpec, std::move(apply), parent);
}

SpecEditor* newScheduleEditor(std::function<void(const ScheduleConfig&)> apply, QWidget* parent) {
  return newConfigEditor(SpecFamily::schedules(), &parseScheduleSpec, std::move(apply), parent);
}

void showRunStyle(const RunStyle& style, const QWidget* row, QToolButton* swatch,
                  QToolButton* duplicate, QToolButton* remove, QLineEdit* label) {
  const QColor text = row->palette().color(QPalette::WindowText);
  swatch->setIcon(colorSwatchIcon(style.color, text));
  duplicate->setIcon(duplicateIcon(text));
  remove->setIcon(removeIcon(text));
  if (!label->hasFocus()) label->setText(style.label);
  QPalette labelPalette = label->palette();
  // The title in the run's color, darkened where it would not read (yellow on the light
  // theme); the swatch beside it shows the true color.
  labelPalette.setColor(QPalette::Text,
                        readableOn(style.color, row->palette().color(QPalette::Window)));
  labelPalette.setColor(QPalette::Base, Qt::transparent);  // reads as a title, edits as a field
  label->setPalette(labelPalette);
  QFont bold = label->font();
  bold.setBold(true);
  label->setFont(bold);
}

bool takeRunLabel(const QLineEdit* edit, RunStyle& style) {
  const QString label = edit->text().trimmed();
  if (label.isEmpty() || label == style.label) return false;
  style.label = label;
  return true;
}

bool askRunColor(QWidget* parent, RunStyle& style) {
  const QColor chosen =
      QColorDialog::getColor(style.color, parent, QStringLiteral("Color of %1").arg(style.label));
  if (!chosen.isValid()) return false;
  style.color = chosen;
  return true;
}

void showRunSelected(QFrame* row, bool selected) {
  row->setFrameShadow(selected ? QFrame::Sunken : QFrame::Plain);
  row->setLineWidth(selected ? 2 : 1);
  row->setBackgroundRole(selected ? QPalette::AlternateBase : QPalette::Window);
  row->setAutoFillBackground(selected);
}

void showExpanded(QToolButton* expand, bool expanded) {
  const QSignalBlocker block(expand);
  expand->setChecked(expanded);
  expand->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
}

}  // namespace optiscope::ui

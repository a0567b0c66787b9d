#pragma once

#include <QString>
#include <functional>

#include "core/optim/registry.h"
#include "core/optim/schedule.h"

class QFrame;
class QLineEdit;
class QToolButton;
class QWidget;

namespace optiscope::ui {

struct RunStyle;
class SpecEditor;

// Pieces of one run's editor that the landscape's runs panel and the Network page share.

// A flat 16-pixel tool button for a run's header.
QToolButton* runToolButton(QWidget* parent, const QString& tip);

// Editors of a run's optimizer and schedule: each parses the spec, hands the config to `apply`
// (which throws SpecError to refuse it) and shows it in canonical form.
SpecEditor* newOptimizerEditor(std::function<void(const OptimizerConfig&)> apply, QWidget* parent);
SpecEditor* newScheduleEditor(std::function<void(const ScheduleConfig&)> apply, QWidget* parent);

// Shows `style` in a run's header: the swatch in its color, the label bold in its color (a
// label being edited keeps its text), and the icons in `row`'s text color.
void showRunStyle(const RunStyle& style, const QWidget* row, QToolButton* swatch,
                  QToolButton* duplicate, QToolButton* remove, QLineEdit* label);

// Takes the label typed into `edit` into `style`; false when it is empty or unchanged.
bool takeRunLabel(const QLineEdit* edit, RunStyle& style);
// Asks for a new color of `style`; false when the dialog is cancelled.
bool askRunColor(QWidget* parent, RunStyle& style);

// The selected (current) run's frame stands out: sunken, thicker, on the alternate base.
void showRunSelected(QFrame* row, bool selected);
// Sets the expander's state and arrow without emitting toggled again.
void showExpanded(QToolButton* expand, bool expanded);

}  // namespace optiscope::ui

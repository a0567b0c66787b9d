#pragma once

#include <QString>

class QLabel;
class QSpinBox;
class QWidget;

namespace optiscope::ui {

// What the export dialogs share.

// Width × height as one widget (not a layout), so that a form's label can point at it.
QWidget* sizeRow(QSpinBox* width, QSpinBox* height);
// Styles `label` as a dialog's problem line: red, wrapped, hidden until it has something to say.
void makeProblemLabel(QLabel* label);
// Where an export's file is suggested: the Pictures folder, or home where there is none.
QString exportFolder();

}  // namespace optiscope::ui

#pragma once

#include <QString>
#include <QWidget>

#include "core/util/params.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace optiscope::ui {

// One hyperparameter as an editor, generated from its ParamInfo: Real → a line edit with exact
// entry (plus a logarithmic slider for logScale parameters such as learning rates), Integer → a
// spin box, Bool → a check box, Choice → a combo box, List and Spec → a line edit.
//
// The field never changes anything by itself: it emits committed(text) when the user settles on
// an entry (Enter, focus out, a slider move, a click), and its owner applies it and reports back
// with showError() if it was refused. Until an entry is accepted, the last accepted value stays
// in force and the problem is shown in place: a red frame, the message under the field and in
// its tooltip.
class ParamField : public QWidget {
  Q_OBJECT
 public:
  explicit ParamField(const ParamInfo& info, QWidget* parent = nullptr);

  const ParamInfo& info() const { return m_info; }
  // Shows `text` as the value in force, clearing any error; emits nothing.
  void setAcceptedText(const QString& text);
  const QString& acceptedText() const { return m_accepted; }
  // How `text` (a value's exact text) reads in the field: "0.9", not "0.90000000000000002".
  QString shownText(const QString& text) const { return displayText(text); }
  // Shows real values rounded to `digits` significant digits (0: exactly), keeping the exact
  // value in force and in the tooltip: a start picked with the mouse reads -2.9349, not
  // -2.9349046015712683. An entry is committed only when the user edited the field.
  void setShownDigits(int digits);
  void showError(const QString& message);
  void clearError();
  bool hasError() const;
  // True while the user is typing in the field: owners then leave it alone.
  bool isBeingEdited() const;
  QLineEdit* lineEdit() const { return m_edit; }
  QLabel* errorLabel() const { return m_error; }
  QSlider* slider() const { return m_slider; }

 signals:
  void committed(const QString& text);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildEditor();
  void buildLogSlider();
  void commitText(const QString& text);
  void onTextEdited(const QString& text);
  void onSliderMoved(int position);
  void showTextInEditor(const QString& text);
  void syncSliderTo(const QString& text);
  QString displayText(const QString& text) const;
  QWidget* editorWidget() const;

  ParamInfo m_info;
  QString m_accepted;
  QLineEdit* m_edit = nullptr;
  QSlider* m_slider = nullptr;
  QSpinBox* m_spin = nullptr;
  QCheckBox* m_check = nullptr;
  QComboBox* m_combo = nullptr;
  QLabel* m_error = nullptr;
  double m_sliderLowLog10 = 0.0;
  int m_shownDigits = 0;
  bool m_edited = false;  // typed into since the value in force was last shown
};

}  // namespace optiscope::ui

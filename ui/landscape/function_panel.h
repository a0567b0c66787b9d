#pragma once

#include <QWidget>

class QPushButton;

namespace optiscope::ui {

class LandscapeController;
class ParamForm;
class SpecEditor;

// The scene's surface and start: a picker with every built-in function and its parameters
// (a quadratic's condition number and rotation, ...; N-d functions are used in 2D), and the
// start point typed as exact coordinates. Picking a function resets the view to its box and
// the start to its default.
class FunctionPanel : public QWidget {
  Q_OBJECT
 public:
  explicit FunctionPanel(LandscapeController* controller, QWidget* parent = nullptr);

  SpecEditor* functionEditor() const { return m_function; }
  ParamForm* startForm() const { return m_start; }

 private:
  void refresh();
  void applyStart(const QString& key, const QString& text);

  LandscapeController* m_controller;
  SpecEditor* m_function;
  ParamForm* m_start;
  QPushButton* m_defaultStart;
};

}  // namespace optiscope::ui

#pragma once

#include <QWidget>
#include <vector>

class QCheckBox;
class QLabel;

namespace optiscope::ui {

class NetworkController;

// Playground's input features as checkboxes: x1, x2, x1², x2², x1·x2, sin x1, sin x2. The
// network's input count follows the checked ones (in this order); the last one cannot go.
class FeaturePicker : public QWidget {
  Q_OBJECT
 public:
  explicit FeaturePicker(NetworkController* controller, QWidget* parent = nullptr);

  // In the order of featureNames(): x1, x2, x1sq, x2sq, x1x2, sin_x1, sin_x2.
  QCheckBox* box(int feature) const { return m_boxes.at(static_cast<size_t>(feature)); }
  QLabel* errorLabel() const { return m_error; }

 private:
  void refresh();
  void apply();

  NetworkController* m_controller;
  std::vector<QCheckBox*> m_boxes;
  QLabel* m_error;
};

// How a feature reads on screen: "x1²", "x1·x2", "sin x1".
QString featureLabel(int feature);

}  // namespace optiscope::ui

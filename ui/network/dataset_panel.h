#pragma once

#include <QWidget>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace optiscope::ui {

class NetworkController;

// The data: a picker of the catalog's datasets with small previews (as in Playground), noise,
// train/test ratio, number of points, Regenerate (new seed), Import CSV… (a bad file's error is
// shown here and the last valid data stays) and whether the maps show the test points.
class DatasetPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetPanel(NetworkController* controller, QWidget* parent = nullptr);

  QToolButton* datasetButton(const QString& name) const;
  QSlider* noiseSlider() const { return m_noise; }
  QSlider* ratioSlider() const { return m_ratio; }
  QSpinBox* pointsBox() const { return m_points; }
  QPushButton* regenerateButton() const { return m_regenerate; }
  QPushButton* importButton() const { return m_import; }
  QCheckBox* showTestBox() const { return m_showTest; }
  QLabel* errorLabel() const { return m_error; }
  QLabel* sourceLabel() const { return m_source; }

  // What Import CSV… does after the file dialog (tests call it with a path).
  void importFile(const QString& path);

 signals:
  void showTestPointsChanged(bool show);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();
  void applyControls();
  void pickDataset(const QString& name);
  void showError(const QString& message);

  NetworkController* m_controller;
  QButtonGroup* m_datasets;
  std::vector<QToolButton*> m_buttons;
  QSlider* m_noise;
  QSlider* m_ratio;
  QLabel* m_noiseValue;
  QLabel* m_ratioValue;
  QSpinBox* m_points;
  QPushButton* m_regenerate;
  QPushButton* m_import;
  QCheckBox* m_showTest;
  QLabel* m_source;
  QLabel* m_error;
};

}  // namespace optiscope::ui

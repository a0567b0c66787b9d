#pragma once

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace optiscope::ui {

class NetworkController;

// The network and its training settings, every control one click away: hidden layers (0–6)
// and neurons per layer (1–16) with − and +, activation, loss, regularization and its rate,
// batch size and seed. Each change goes to the controller at once (restarting the runs on the
// new network); what it refuses is shown in the panel and the last valid settings stay.
class BuilderPanel : public QWidget {
  Q_OBJECT
 public:
  explicit BuilderPanel(NetworkController* controller, QWidget* parent = nullptr);

  QToolButton* addLayerButton() const { return m_addLayer; }
  QToolButton* removeLayerButton() const { return m_removeLayer; }
  // − and + of hidden layer `layer` (0-based); null beyond the current layers.
  QToolButton* fewerNeuronsButton(int layer) const;
  QToolButton* moreNeuronsButton(int layer) const;
  QComboBox* activationBox() const { return m_activation; }
  QComboBox* lossBox() const { return m_loss; }
  QComboBox* regularizationBox() const { return m_regularization; }
  QComboBox* rateBox() const { return m_rate; }
  QSpinBox* batchBox() const { return m_batch; }
  QSpinBox* seedBox() const { return m_seed; }
  QLabel* errorLabel() const { return m_error; }

 private:
  struct LayerRow {
    QWidget* row;
    QLabel* count;
    QToolButton* fewer;
    QToolButton* more;
  };
  void refresh();
  void rebuildLayerRows();
  void changeLayers(int delta);
  void changeNeurons(int layer, int delta);
  void applyChoices();
  template <class Change>
  void apply(Change change);

  NetworkController* m_controller;
  QToolButton* m_addLayer;
  QToolButton* m_removeLayer;
  QLabel* m_layerCount;
  QVBoxLayout* m_layerRows;
  std::vector<LayerRow> m_rows;
  QComboBox* m_activation;
  QComboBox* m_loss;
  QComboBox* m_regularization;
  QComboBox* m_rate;
  QSpinBox* m_batch;
  QSpinBox* m_seed;
  QLabel* m_error;
};

}  // namespace optiscope::ui

#pragma once

#include <QWidget>

class QTabWidget;

namespace optiscope::ui {

class BuilderPanel;
class DatasetPanel;
class DecisionMapsArea;
class EpochCurvesPlot;
class FeaturePicker;
class NetworkController;
class NetworkDiagram;
class NetworkRunsPanel;

// The Network page (TensorFlow Playground with a choice of optimizer): data, features and the
// network builder on the left; the network drawing and the decision maps in the middle; the
// runs, the loss and accuracy curves and the insight views (η_eff per layer, loss landscape)
// on the right. It creates and connects these widgets; they do the rest.
class NetworkPage : public QWidget {
  Q_OBJECT
 public:
  explicit NetworkPage(NetworkController* controller, QWidget* parent = nullptr);

  NetworkController* controller() const { return m_controller; }
  DatasetPanel* datasetPanel() const { return m_dataset; }
  FeaturePicker* featurePicker() const { return m_features; }
  BuilderPanel* builderPanel() const { return m_builder; }
  NetworkDiagram* diagram() const { return m_diagram; }
  DecisionMapsArea* maps() const { return m_maps; }
  NetworkRunsPanel* runsPanel() const { return m_runs; }
  EpochCurvesPlot* lossPlot() const { return m_loss; }
  EpochCurvesPlot* accuracyPlot() const { return m_accuracy; }
  QWidget* insight() const { return m_insight; }

 private:
  QWidget* buildLeftColumn();
  QWidget* buildCentre();
  QWidget* buildRightColumn();
  QWidget* buildInsight();
  void showNetwork();
  void showSelectedParams();

  NetworkController* m_controller;
  DatasetPanel* m_dataset = nullptr;
  FeaturePicker* m_features = nullptr;
  BuilderPanel* m_builder = nullptr;
  NetworkDiagram* m_diagram = nullptr;
  DecisionMapsArea* m_maps = nullptr;
  NetworkRunsPanel* m_runs = nullptr;
  EpochCurvesPlot* m_loss = nullptr;
  EpochCurvesPlot* m_accuracy = nullptr;
  QWidget* m_insight = nullptr;
};

}  // namespace optiscope::ui

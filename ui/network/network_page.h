#pragma once

#include <memory>

#include "ui/common/page.h"

class QTabWidget;

namespace optiscope::ui {

class BuilderPanel;
class DatasetPanel;
class DecisionMapsArea;
class EpochCurvesPlot;
class FeaturePicker;
class NetworkController;
class NetworkDiagram;
class NetworkRunExtras;

// The Network page (TensorFlow Playground with a choice of optimizer): data, features and the
// network builder on the left; the network drawing and the decision maps in the middle; the
// runs, the loss and accuracy curves and the insight views (η_eff per layer, loss landscape)
// on the right. It creates and connects these widgets; they do the rest.
class NetworkPage : public Page {
  Q_OBJECT
 public:
  explicit NetworkPage(NetworkController* controller, QWidget* parent = nullptr);
  ~NetworkPage() override;

  QString title() const override;
  QString summary() const override;
  RunController* controller() const override;
  RunsPanel* runsPanel() const override { return m_runs; }
  // Everything sits in the page itself: no docks, no View actions of its own.
  QList<QDockWidget*> addDocks(QMainWindow*) override { return {}; }
  QList<QAction*> viewActions() const override { return {}; }
  QList<QPair<QString, QString>> gestures() const override;
  QList<FigurePart> figureParts() const override;
  QList<FigurePart> animationParts() const override;
  bool settleFigure(int timeoutMs) override;
  void loadDefaultScene() override;
  // Folds the left column (data, features, network): the room goes to the maps and curves.
  void setPresenting(bool presenting) override;
  ExperimentPage experimentPage() const override { return ExperimentPage::Network; }
  void captureScene(Experiment& into) const override;
  void checkScene(const Experiment& experiment) const override;
  void applyScene(const Experiment& experiment) override;

  NetworkController* networkController() const { return m_controller; }
  DatasetPanel* datasetPanel() const { return m_dataset; }
  FeaturePicker* featurePicker() const { return m_features; }
  BuilderPanel* builderPanel() const { return m_builder; }
  NetworkDiagram* diagram() const { return m_diagram; }
  DecisionMapsArea* maps() const { return m_maps; }
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
  std::unique_ptr<NetworkRunExtras> m_extras;
  DatasetPanel* m_dataset = nullptr;
  FeaturePicker* m_features = nullptr;
  BuilderPanel* m_builder = nullptr;
  NetworkDiagram* m_diagram = nullptr;
  DecisionMapsArea* m_maps = nullptr;
  RunsPanel* m_runs = nullptr;
  EpochCurvesPlot* m_loss = nullptr;
  EpochCurvesPlot* m_accuracy = nullptr;
  QWidget* m_insight = nullptr;
  QWidget* m_leftColumn = nullptr;
};

}  // namespace optiscope::ui

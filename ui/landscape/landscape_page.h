#pragma once

#include <memory>

#include "ui/common/page.h"

namespace optiscope::ui {

class FunctionPanel;
class LandscapeController;
class LandscapeRunExtras;
class LandscapeView;
class SidePlots;

// The Landscape page: the landscape of a 2D function in the middle with every run's path, the
// function and runs panels on the right, the loss and learning-rate plots below (its docks).
// It creates and connects these widgets; they do the rest.
class LandscapePage : public Page {
  Q_OBJECT
 public:
  explicit LandscapePage(LandscapeController* controller, QWidget* parent = nullptr);
  ~LandscapePage() override;

  QString title() const override;
  QString summary() const override;
  RunController* controller() const override;
  RunsPanel* runsPanel() const override { return m_runsPanel; }
  QList<QDockWidget*> addDocks(QMainWindow* window) override;
  QList<QAction*> viewActions() const override { return m_viewActions; }
  QList<QPair<QString, QString>> gestures() const override;
  QList<FigurePart> figureParts() const override;
  bool settleFigure(int timeoutMs) override;
  void loadDefaultScene() override;
  ExperimentPage experimentPage() const override { return ExperimentPage::Landscape; }
  void captureScene(Experiment& into) const override;
  void checkScene(const Experiment& experiment) const override;
  void applyScene(const Experiment& experiment) override;
  void savePreferences(QSettings& settings) const override;
  void restorePreferences(const QSettings& settings) override;

  LandscapeController* landscapeController() const { return m_controller; }
  LandscapeView* view() const { return m_view; }
  FunctionPanel* functionPanel() const { return m_functionPanel; }
  SidePlots* sidePlots() const { return m_sidePlots; }
  // Folds the Function dock: a presenter changes the function from the keyboard or a lesson.
  void setPresenting(bool presenting) override;

 private:
  void buildViewActions();

  LandscapeController* m_controller;
  std::unique_ptr<LandscapeRunExtras> m_extras;
  LandscapeView* m_view;
  FunctionPanel* m_functionPanel;
  RunsPanel* m_runsPanel;
  SidePlots* m_sidePlots;
  QDockWidget* m_functionDock = nullptr;
  QDockWidget* m_plotsDock = nullptr;
  QDockWidget* m_runsDock = nullptr;
  QList<QAction*> m_viewActions;
};

}  // namespace optiscope::ui

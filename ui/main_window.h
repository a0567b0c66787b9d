#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;

namespace optiscope::ui {

class EngineController;
class FunctionPanel;
class LandscapeView;
class PlaybackControls;
class RunsPanel;
class SidePlots;
class SpeedControl;
class StatusReadout;

// Optiscope's window: the landscape in the middle, the function and runs panels on the right,
// the loss and learning-rate plots below, playback in the toolbar, step counter and speed in
// the status bar. It creates and connects these widgets and the menus; the widgets do the rest.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(EngineController* controller, QWidget* parent = nullptr);

  LandscapeView* landscape() const { return m_landscape; }
  FunctionPanel* functionPanel() const { return m_functionPanel; }
  RunsPanel* runsPanel() const { return m_runsPanel; }
  SidePlots* sidePlots() const { return m_sidePlots; }
  SpeedControl* speedControl() const { return m_speed; }
  PlaybackControls* playback() const { return m_playback; }
  QActionGroup* themeActions() const { return m_themes; }
  // Every menu action, for the shortcuts list and tests.
  QList<QAction*> menuActions() const;

 private:
  void buildDocks();
  void buildToolBar();
  void buildMenus();
  void buildFileMenu();
  void buildViewMenu();
  void connectLandscapeActions(QAction* resetView, QAction* logColors, QAction* contours);
  void buildRunMenu();
  void buildHelpMenu();
  void saveScreenshot();

  EngineController* m_controller;
  LandscapeView* m_landscape;
  FunctionPanel* m_functionPanel = nullptr;
  RunsPanel* m_runsPanel = nullptr;
  SidePlots* m_sidePlots = nullptr;
  PlaybackControls* m_playback = nullptr;
  SpeedControl* m_speed = nullptr;
  StatusReadout* m_status = nullptr;
  QDockWidget* m_functionDock = nullptr;
  QDockWidget* m_runsDock = nullptr;
  QDockWidget* m_plotsDock = nullptr;
  QActionGroup* m_themes = nullptr;
};

}  // namespace optiscope::ui

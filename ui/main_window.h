#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QTabWidget;
class QToolBar;

namespace optiscope::ui {

class EngineController;
class FunctionPanel;
class LandscapeView;
class NetworkController;
class NetworkPage;
class NetworkPlayback;
class NetworkSpeedControl;
class PlaybackControls;
class RunsPanel;
class SidePlots;
class SpeedControl;
class StatusReadout;

// Optiscope's window with two pages, each with its own engine and playback. Landscape: the
// landscape in the middle, the function and runs panels on the right, the loss and
// learning-rate plots below, step counter in the status bar. Network: the Network page
// (network_page.h). Playback sits in the toolbar and Space, Right and R act on the visible
// page; the landscape's docks show on the landscape page only. It creates and connects these
// widgets and the menus; the widgets do the rest.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum class Page { Landscape = 0, Network = 1 };

  // Without a network controller the window makes its own, with the default network scene.
  explicit MainWindow(EngineController* controller, QWidget* parent = nullptr);
  MainWindow(EngineController* controller, NetworkController* network, QWidget* parent = nullptr);

  LandscapeView* landscape() const { return m_landscape; }
  FunctionPanel* functionPanel() const { return m_functionPanel; }
  RunsPanel* runsPanel() const { return m_runsPanel; }
  SidePlots* sidePlots() const { return m_sidePlots; }
  SpeedControl* speedControl() const { return m_speed; }
  PlaybackControls* playback() const { return m_playback; }
  QActionGroup* themeActions() const { return m_themes; }
  NetworkController* networkController() const { return m_network; }
  NetworkPage* networkPage() const { return m_networkPage; }
  NetworkPlayback* networkPlayback() const { return m_networkPlayback; }
  NetworkSpeedControl* networkSpeed() const { return m_networkSpeed; }
  QTabWidget* pages() const { return m_pages; }
  Page currentPage() const;
  void showPage(Page page);
  // saveState() as the landscape page has it (its docks as the user left them), whichever
  // page is showing.
  QByteArray saveLayout();
  // Every menu action, for the shortcuts list and tests.
  QList<QAction*> menuActions() const;

 private:
  void buildPages();
  void buildDocks();
  void buildToolBar();
  void buildNetworkToolBar();
  void onPageChanged(int index);
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
  NetworkController* m_network;
  QTabWidget* m_pages = nullptr;
  NetworkPage* m_networkPage = nullptr;
  NetworkPlayback* m_networkPlayback = nullptr;
  NetworkSpeedControl* m_networkSpeed = nullptr;
  QToolBar* m_playbackBar = nullptr;
  QToolBar* m_networkBar = nullptr;
  // Actions that act on the landscape page only (disabled while the Network page shows).
  QList<QAction*> m_landscapeActions;
  // The landscape docks' visibility, kept while the Network page hides them.
  QList<bool> m_dockVisible;
  bool m_onNetworkPage = false;
};

}  // namespace optiscope::ui

#include "ui/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QStatusBar>
#include <QToolBar>

#include "ui/controllers/engine_controller.h"
#include "ui/panels/function_panel.h"
#include "ui/panels/playback_controls.h"
#include "ui/panels/runs_panel.h"
#include "ui/panels/status_readout.h"
#include "ui/views/landscape_view.h"
#include "ui/views/side_plots.h"

namespace optiscope::ui {

MainWindow::MainWindow(EngineController* controller, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_landscape(new LandscapeView(controller)) {
  setWindowTitle(QStringLiteral("Optiscope"));
  setObjectName(QStringLiteral("MainWindow"));  // restoreState() finds docks and bars by name
  setCentralWidget(m_landscape);
  m_playback = new PlaybackControls(controller, this);
  buildDocks();
  buildToolBar();
  buildMenus();
  m_status = new StatusReadout(controller, this);
  statusBar()->addWidget(m_status, 1);
  resize(1440, 900);
  // Start with the keyboard on the window, not in the first text field: Space, Right and R
  // should control playback from the first second.
  setFocusPolicy(Qt::StrongFocus);
  setFocus();
}

void MainWindow::buildDocks() {
  // The right column runs the full height; the plots sit under the landscape only.
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks);

  m_functionPanel = new FunctionPanel(m_controller);
  m_functionDock = new QDockWidget(QStringLiteral("Function"), this);
  m_functionDock->setObjectName(QStringLiteral("FunctionDock"));
  m_functionDock->setWidget(m_functionPanel);
  addDockWidget(Qt::RightDockWidgetArea, m_functionDock);

  m_runsPanel = new RunsPanel(m_controller);
  m_runsDock = new QDockWidget(QStringLiteral("Runs"), this);
  m_runsDock->setObjectName(QStringLiteral("RunsDock"));
  m_runsDock->setWidget(m_runsPanel);
  addDockWidget(Qt::RightDockWidgetArea, m_runsDock);

  m_sidePlots = new SidePlots(m_controller);
  m_plotsDock = new QDockWidget(QStringLiteral("Loss and learning rates"), this);
  m_plotsDock->setObjectName(QStringLiteral("PlotsDock"));
  m_plotsDock->setWidget(m_sidePlots);
  addDockWidget(Qt::BottomDockWidgetArea, m_plotsDock);

  resizeDocks({m_functionDock, m_runsDock}, {170, 630}, Qt::Vertical);
  resizeDocks({m_runsDock}, {400}, Qt::Horizontal);
  resizeDocks({m_plotsDock}, {260}, Qt::Vertical);
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(QStringLiteral("Playback"));
  bar->setObjectName(QStringLiteral("PlaybackToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addAction(m_playback->playPause());
  bar->addAction(m_playback->step());
  bar->addAction(m_playback->reset());
  bar->addSeparator();
  m_speed = new SpeedControl(m_controller, bar);
  bar->addWidget(m_speed);
}

}  // namespace optiscope::ui

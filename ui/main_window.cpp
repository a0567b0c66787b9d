#include "ui/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

#include "ui/controllers/engine_controller.h"
#include "ui/controllers/network_controller.h"
#include "ui/network/network_page.h"
#include "ui/network/network_playback.h"
#include "ui/panels/function_panel.h"
#include "ui/panels/playback_controls.h"
#include "ui/panels/runs_panel.h"
#include "ui/panels/status_readout.h"
#include "ui/views/landscape_view.h"
#include "ui/views/side_plots.h"

namespace optiscope::ui {

namespace {

NetworkController* ownNetworkController(QObject* owner) {
  auto* network = new NetworkController(owner);
  network->loadDefaultScene();
  return network;
}

}  // namespace

MainWindow::MainWindow(EngineController* controller, QWidget* parent)
    : MainWindow(controller, nullptr, parent) {}

MainWindow::MainWindow(EngineController* controller, NetworkController* network, QWidget* parent)
    : QMainWindow(parent),
      m_controller(controller),
      m_landscape(new LandscapeView(controller)),
      m_network(network ? network : ownNetworkController(this)) {
  setWindowTitle(QStringLiteral("Optiscope"));
  setObjectName(QStringLiteral("MainWindow"));  // restoreState() finds docks and bars by name
  m_playback = new PlaybackControls(controller, this);
  buildPages();
  buildDocks();
  buildToolBar();
  buildNetworkToolBar();
  buildMenus();
  m_status = new StatusReadout(controller, this);
  statusBar()->addWidget(m_status, 1);
  resize(1440, 900);
  // Start with the keyboard on the window, not in the first text field: Space, Right and R
  // should control playback from the first second.
  setFocusPolicy(Qt::StrongFocus);
  setFocus();
}

void MainWindow::buildPages() {
  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("Pages"));
  m_pages->setDocumentMode(true);
  m_networkPage = new NetworkPage(m_network);
  m_pages->addTab(m_landscape, QStringLiteral("Landscape"));
  m_pages->addTab(m_networkPage, QStringLiteral("Network"));
  m_pages->setTabToolTip(0, QStringLiteral("optimizers racing on a 2D function (Ctrl+1)"));
  m_pages->setTabToolTip(1, QStringLiteral("optimizers training a small network (Ctrl+2)"));
  // Tabs switch pages but never take the keyboard: Space, Right and R stay playback keys.
  m_pages->tabBar()->setFocusPolicy(Qt::NoFocus);
  setCentralWidget(m_pages);
  connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);
}

MainWindow::Page MainWindow::currentPage() const {
  return m_onNetworkPage ? Page::Network : Page::Landscape;
}

void MainWindow::showPage(Page page) { m_pages->setCurrentIndex(static_cast<int>(page)); }

void MainWindow::onPageChanged(int index) {
  const bool network = index == static_cast<int>(Page::Network);
  if (network == m_onNetworkPage) return;
  m_onNetworkPage = network;
  const QList<QDockWidget*> docks{m_functionDock, m_runsDock, m_plotsDock};
  if (network) {
    m_dockVisible.clear();
    for (QDockWidget* dock : docks) m_dockVisible << dock->isVisibleTo(this);
    for (QDockWidget* dock : docks) dock->hide();
  } else {
    for (int i = 0; i < docks.size(); ++i) docks[i]->setVisible(m_dockVisible.value(i, true));
  }
  for (QAction* action : m_landscapeActions) action->setEnabled(!network);
  for (QDockWidget* dock : docks) dock->toggleViewAction()->setEnabled(!network);
  m_networkPlayback->setEnabled(network);
  m_playbackBar->setVisible(!network);
  m_networkBar->setVisible(network);
  m_status->setVisible(!network);
  setFocus();  // the keyboard goes to the window, where the playback keys act
}

QByteArray MainWindow::saveLayout() {
  if (!m_onNetworkPage) return saveState();
  const QList<QDockWidget*> docks{m_functionDock, m_runsDock, m_plotsDock};
  // Save what the landscape page will show: its docks as left, its toolbar.
  for (int i = 0; i < docks.size(); ++i) docks[i]->setVisible(m_dockVisible.value(i, true));
  m_playbackBar->setVisible(true);
  m_networkBar->setVisible(false);
  const QByteArray state = saveState();
  for (QDockWidget* dock : docks) dock->hide();
  m_playbackBar->setVisible(false);
  m_networkBar->setVisible(true);
  return state;
}

void MainWindow::buildNetworkToolBar() {
  m_networkPlayback = new NetworkPlayback(m_network, this);
  m_networkBar = addToolBar(QStringLiteral("Network playback"));
  m_networkBar->setObjectName(QStringLiteral("NetworkPlaybackToolBar"));
  m_networkBar->setMovable(false);
  m_networkBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  for (QAction* action : m_networkPlayback->actions()) m_networkBar->addAction(action);
  m_networkBar->addSeparator();
  m_networkSpeed = new NetworkSpeedControl(m_network, m_networkBar);
  m_networkBar->addWidget(m_networkSpeed);
  m_networkBar->setVisible(false);
  m_networkPlayback->setEnabled(false);
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
  QToolBar* bar = m_playbackBar = addToolBar(QStringLiteral("Playback"));
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

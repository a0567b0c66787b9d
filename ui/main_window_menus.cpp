// The menu bar of MainWindow: File, View, Run, Help, with shortcuts.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>

#include "ui/controllers/engine_controller.h"
#include "ui/controllers/network_controller.h"
#include "ui/main_window.h"
#include "ui/network/network_playback.h"
#include "ui/panels/help_dialogs.h"
#include "ui/panels/playback_controls.h"
#include "ui/panels/runs_panel.h"
#include "ui/views/landscape_contour_layer.h"
#include "ui/views/landscape_view.h"
#include "ui/views/side_plots.h"
#include "ui/views/theme.h"
#include "ui/views/widget_image.h"

namespace optiscope::ui {

void MainWindow::buildMenus() {
  buildFileMenu();
  buildViewMenu();
  buildRunMenu();
  buildHelpMenu();
}

QList<QAction*> MainWindow::menuActions() const {
  QList<QAction*> all;
  for (QAction* menu : menuBar()->actions())
    if (menu->menu())
      for (QAction* action : menu->menu()->actions()) {
        if (action->menu())
          all += action->menu()->actions();
        else if (!action->isSeparator())
          all += action;
      }
  return all;
}

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
  QAction* fresh = file->addAction(QStringLiteral("&New default scene"));
  fresh->setShortcut(QKeySequence::New);
  fresh->setToolTip(QStringLiteral("the visible page's default scene"));
  connect(fresh, &QAction::triggered, this, [this] {
    if (currentPage() == Page::Network)
      m_network->loadDefaultScene();
    else
      m_controller->loadDefaultScene();
  });
  QAction* shot = file->addAction(QStringLiteral("Save &screenshot…"));
  shot->setShortcut(QKeySequence::Save);
  connect(shot, &QAction::triggered, this, &MainWindow::saveScreenshot);
  file->addSeparator();
  QAction* quit = file->addAction(QStringLiteral("&Quit"));
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildViewMenu() {
  QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
  QAction* resetView = view->addAction(QStringLiteral("&Reset view"));
  resetView->setShortcut(Qt::Key_Home);
  resetView->setToolTip(QStringLiteral("back to the function's default box"));
  QAction* logColors = view->addAction(QStringLiteral("&Log color scale"));
  logColors->setCheckable(true);
  logColors->setShortcut(Qt::Key_L);
  QAction* contours = view->addAction(QStringLiteral("Show &contours"));
  contours->setCheckable(true);
  contours->setShortcut(Qt::Key_C);
  connectLandscapeActions(resetView, logColors, contours);
  m_landscapeActions << resetView << logColors << contours;

  QAction* logSteps = view->addAction(QStringLiteral("Log &step axis"));
  logSteps->setCheckable(true);
  logSteps->setChecked(m_sidePlots->logStepAxis());
  logSteps->setShortcut(Qt::Key_X);
  connect(logSteps, &QAction::toggled, m_sidePlots, &SidePlots::setLogStepAxis);
  connect(m_sidePlots, &SidePlots::logStepAxisChanged, logSteps, &QAction::setChecked);
  m_landscapeActions << logSteps;

  QMenu* theme = view->addMenu(QStringLiteral("&Theme"));
  m_themes = new QActionGroup(this);
  for (Theme choice : {Theme::System, Theme::Light, Theme::Dark}) {
    QString name = themeName(choice);
    name[0] = name[0].toUpper();
    QAction* action = theme->addAction(name);
    action->setCheckable(true);
    action->setData(themeName(choice));
    action->setChecked(choice == Theme::System);
    m_themes->addAction(action);
    connect(action, &QAction::triggered, this, [choice] { applyTheme(choice); });
  }
  view->addSeparator();
  QAction* landscapePage = view->addAction(QStringLiteral("&Landscape page"));
  landscapePage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  connect(landscapePage, &QAction::triggered, this, [this] { showPage(Page::Landscape); });
  QAction* networkPage = view->addAction(QStringLiteral("&Network page"));
  networkPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  connect(networkPage, &QAction::triggered, this, [this] { showPage(Page::Network); });
  view->addSeparator();
  for (QDockWidget* dock : {m_functionDock, m_runsDock, m_plotsDock})
    view->addAction(dock->toggleViewAction());
}

void MainWindow::connectLandscapeActions(QAction* resetView, QAction* logColors,
                                         QAction* contours) {
  connect(resetView, &QAction::triggered, m_landscape, &LandscapeView::resetView);
  // The view picks the scale per function; the action shows what is on screen and forces the
  // other scale when toggled.
  connect(logColors, &QAction::triggered, m_landscape, [this](bool on) {
    m_landscape->setColorScaleMode(on ? ColorScaleMode::Logarithmic : ColorScaleMode::Linear);
  });
  connect(m_landscape, &LandscapeView::landscapeShown, logColors,
          [this, logColors] { logColors->setChecked(m_landscape->logColorsShown()); });
  contours->setChecked(true);
  connect(contours, &QAction::toggled, m_landscape, [this](bool on) {
    for (QCPLayerable* lines : m_landscape->findChildren<LandscapeContourLayer*>())
      lines->setVisible(on);
    m_landscape->plot()->replot(QCustomPlot::rpQueuedReplot);
  });
}

void MainWindow::buildRunMenu() {
  QMenu* run = menuBar()->addMenu(QStringLiteral("&Run"));
  run->addAction(m_playback->playPause());
  run->addAction(m_playback->step());
  run->addAction(m_playback->reset());
  run->addSeparator();
  QAction* add = run->addAction(QStringLiteral("&Add run"));
  add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  connect(add, &QAction::triggered, m_runsPanel, [this] { m_runsPanel->addRun(); });
  QAction* duplicate = run->addAction(QStringLiteral("&Duplicate run"));
  duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  connect(duplicate, &QAction::triggered, m_runsPanel, &RunsPanel::duplicateCurrentRun);
  QAction* remove = run->addAction(QStringLiteral("Re&move run"));
  remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
  connect(remove, &QAction::triggered, m_runsPanel, &RunsPanel::removeCurrentRun);
  m_landscapeActions << m_playback->playPause() << m_playback->step() << m_playback->reset() << add
                     << duplicate << remove;
  // The Network page's playback (active while it shows; same keys).
  QMenu* network = run->addMenu(QStringLiteral("&Network page"));
  for (QAction* action : m_networkPlayback->actions()) network->addAction(action);
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(QStringLiteral("&Help"));
  QAction* keys = help->addAction(QStringLiteral("&Keyboard shortcuts"));
  keys->setShortcut(QKeySequence::HelpContents);
  connect(keys, &QAction::triggered, this, [this] { showShortcuts(this, menuActions()); });
  QAction* about = help->addAction(QStringLiteral("&About Optiscope"));
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, [this] { showAboutBox(this); });
  QAction* aboutQt = help->addAction(QStringLiteral("About &Qt"));
  aboutQt->setMenuRole(QAction::AboutQtRole);
  connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::saveScreenshot() {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  const QString suggested =
      folder + QStringLiteral("/optiscope-%1.png")
                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save screenshot"),
                                                    suggested, QStringLiteral("PNG image (*.png)"));
  if (path.isEmpty()) return;
  const QString error = saveWidgetImage(*this, path);
  if (!error.isEmpty()) QMessageBox::warning(this, QStringLiteral("Save screenshot"), error);
}

}  // namespace optiscope::ui

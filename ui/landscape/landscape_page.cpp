#include "ui/landscape/landscape_page.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_configs.h"
#include "ui/common/runs_panel.h"
#include "ui/common/spec_editor.h"
#include "ui/landscape/function_panel.h"
#include "ui/landscape/landscape_controller.h"
#include "ui/landscape/landscape_run_extras.h"
#include "ui/landscape/landscape_scene.h"
#include "ui/landscape/landscape_view.h"
#include "ui/landscape/learning_rate_plot.h"
#include "ui/landscape/loss_plot.h"
#include "ui/landscape/side_plots.h"

namespace optiscope::ui {

namespace {

// A panel that scrolls when its dock is shorter than it (a small screen, a long error message
// under a field) rather than being squeezed and cut.
QWidget* scrolling(QWidget* panel, const QString& name) {
  auto* scroll = new QScrollArea;
  scroll->setAccessibleName(name);
  scroll->setWidget(panel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  return scroll;
}

QDockWidget* dockOf(QWidget* content, const QString& title, const QString& name,
                    QMainWindow* window) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(name);
  dock->setWidget(content);
  return dock;
}

}  // namespace

LandscapePage::LandscapePage(LandscapeController* controller, QWidget* parent)
    : Page(parent),
      m_controller(controller),
      m_extras(std::make_unique<LandscapeRunExtras>(controller)),
      m_view(new LandscapeView(controller)),
      m_functionPanel(new FunctionPanel(controller)),
      m_runsPanel(new RunsPanel(controller, m_extras.get())),
      m_sidePlots(new SidePlots(controller)) {
  setObjectName(QStringLiteral("LandscapePage"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_view);
  // Equal aspect for the built-in view boxes: gradients meet contours at right angles.
  m_view->setEqualAspect(true);
  buildViewActions();
  connect(controller, &RunController::runsChanged, this, &Page::sceneEdited);
  connect(controller, &RunController::problemChanged, this, &Page::sceneEdited);
  connect(m_view, &LandscapeView::figureExportRequested, this,
          [this] { emit figureExportRequested(0); });
}

LandscapePage::~LandscapePage() = default;

QString LandscapePage::title() const { return tr("Landscape"); }

QString LandscapePage::summary() const { return tr("optimizers racing on a 2D function"); }

RunController* LandscapePage::controller() const { return m_controller; }

QList<QDockWidget*> LandscapePage::addDocks(QMainWindow* window) {
  // The right column runs the full height; the plots sit under the landscape only.
  // The function's choice and its start stay whole on a small screen (they scroll only when a
  // function has many parameters); the runs list takes what is left and scrolls.
  QWidget* functionArea = scrolling(m_functionPanel, tr("Function"));
  functionArea->setMinimumHeight(std::min(m_functionPanel->sizeHint().height() + 4, 220));
  QDockWidget* function =
      dockOf(functionArea, tr("Function"), QStringLiteral("FunctionDock"), window);
  QDockWidget* runs = dockOf(m_runsPanel, tr("Runs"), QStringLiteral("RunsDock"), window);
  QDockWidget* plots =
      dockOf(m_sidePlots, tr("Loss and learning rates"), QStringLiteral("PlotsDock"), window);
  function->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
  runs->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
  plots->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
  m_functionDock = function;
  m_plotsDock = plots;
  m_runsDock = runs;
  window->addDockWidget(Qt::RightDockWidgetArea, function);
  window->addDockWidget(Qt::RightDockWidgetArea, runs);
  window->addDockWidget(Qt::BottomDockWidgetArea, plots);
  window->resizeDocks({function, runs}, {170, 630}, Qt::Vertical);
  window->resizeDocks({runs}, {400}, Qt::Horizontal);
  window->resizeDocks({plots}, {260}, Qt::Vertical);
  return {function, runs, plots};
}

void LandscapePage::setPresenting(bool presenting) {
  if (!presenting || !m_functionDock) return;
  m_functionDock->hide();
  // The plots get the room their larger labels need (a third of the screen), the landscape
  // keeps most of the width.
  auto* window = qobject_cast<QMainWindow*>(m_plotsDock->parentWidget());
  if (!window || !window->screen()) return;
  const QSize screen = window->screen()->geometry().size();
  window->resizeDocks({m_plotsDock}, {screen.height() * 36 / 100}, Qt::Vertical);
  window->resizeDocks({m_runsDock}, {std::min(m_runsDock->width(), screen.width() * 28 / 100)},
                      Qt::Horizontal);
}

QList<QPair<QString, QString>> LandscapePage::gestures() const {
  return {{tr("Click"), tr("restart every run at that point")},
          {tr("Drag the start"), tr("move the start (runs restart on release)")},
          {tr("Drag / Wheel"), tr("pan / zoom the landscape")},
          {tr("Right-click"), tr("view, colors and legend")}};
}

QList<FigurePart> LandscapePage::figureParts() const {
  return {{tr("Landscape"), m_view->plot()},
          {tr("Loss"), m_sidePlots->lossPlot()},
          {tr("Effective learning rate"), m_sidePlots->learningRatePlot()}};
}

bool LandscapePage::settleFigure(int timeoutMs) {
  Q_UNUSED(timeoutMs);  // the view follows each poll at once; the plots refresh on a timer
  m_sidePlots->lossPlot()->refreshNow();
  m_sidePlots->learningRatePlot()->refreshNow();
  return true;
}

void LandscapePage::loadDefaultScene() {
  Experiment defaults;
  defaults.landscape = defaultLandscapeScene();
  applyScene(defaults);
}

namespace {

ColorScale colorScaleOf(ColorScaleMode mode) {
  switch (mode) {
    case ColorScaleMode::Logarithmic:
      return ColorScale::Logarithmic;
    case ColorScaleMode::Linear:
      return ColorScale::Linear;
    case ColorScaleMode::Automatic:
      break;
  }
  return ColorScale::Automatic;
}

ColorScaleMode modeOf(ColorScale scale) {
  switch (scale) {
    case ColorScale::Logarithmic:
      return ColorScaleMode::Logarithmic;
    case ColorScale::Linear:
      return ColorScaleMode::Linear;
    case ColorScale::Automatic:
      break;
  }
  return ColorScaleMode::Automatic;
}

}  // namespace

void LandscapePage::captureScene(Experiment& into) const {
  LandscapeScene scene = captureLandscapeRuns(*m_controller);
  const auto [x, y] = m_view->viewRanges();
  scene.view = ViewBox{{x.first, x.second}, {y.first, y.second}};
  scene.colorScale = colorScaleOf(m_view->colorScaleMode());
  scene.contours = m_view->contoursShown();
  into.landscape = std::move(scene);
  long long steps = 0;
  if (const auto snapshot = m_controller->snapshot())
    for (const RunSnapshot& run : snapshot->runs) steps = std::max(steps, run.step);
  into.playback.landscapeSteps = steps;
  into.playback.speed = m_controller->speed();
}

void LandscapePage::checkScene(const Experiment& experiment) const {
  if (experiment.landscape) landscapeRunConfigs(*experiment.landscape);
}

void LandscapePage::applyScene(const Experiment& experiment) {
  const LandscapeScene scene = experiment.landscape.value_or(defaultLandscapeScene());
  applyLandscapeRuns(*m_controller, scene);  // validates first, throws with nothing changed
  m_controller->pause();
  m_controller->setSpeed(experiment.playback.speed);
  if (scene.view)
    m_view->setViewRanges({scene.view->x[0], scene.view->x[1]},
                          {scene.view->y[0], scene.view->y[1]});
  m_view->setColorScaleMode(modeOf(scene.colorScale));
  m_view->setContoursShown(scene.contours);
  if (experiment.playback.landscapeSteps > 0)
    m_controller->step(experiment.playback.landscapeSteps);
}

void LandscapePage::savePreferences(QSettings& settings) const {
  settings.setValue(QStringLiteral("landscape/logStepAxis"), m_sidePlots->logStepAxis());
}

void LandscapePage::restorePreferences(const QSettings& settings) {
  m_sidePlots->setLogStepAxis(
      settings.value(QStringLiteral("landscape/logStepAxis"), true).toBool());
}

void LandscapePage::buildViewActions() {
  auto* resetView = new QAction(tr("&Reset view"), this);
  resetView->setShortcut(Qt::Key_Home);
  resetView->setToolTip(tr("back to the function's default box"));
  connect(resetView, &QAction::triggered, m_view, &LandscapeView::resetView);

  // The view picks the scale per function; the action shows what is on screen and forces the
  // other scale when toggled.
  auto* logColors = new QAction(tr("&Log color scale"), this);
  logColors->setCheckable(true);
  logColors->setShortcut(Qt::Key_L);
  connect(logColors, &QAction::triggered, m_view, [this](bool on) {
    m_view->setColorScaleMode(on ? ColorScaleMode::Logarithmic : ColorScaleMode::Linear);
  });
  connect(m_view, &LandscapeView::landscapeShown, logColors,
          [this, logColors] { logColors->setChecked(m_view->logColorsShown()); });

  // The view holds the one contours state; the action shows and sets it.
  auto* contours = new QAction(tr("Show &contours"), this);
  contours->setCheckable(true);
  contours->setShortcut(Qt::Key_C);
  contours->setChecked(m_view->contoursShown());
  connect(contours, &QAction::toggled, m_view, &LandscapeView::setContoursShown);

  auto* logSteps = new QAction(tr("Log &step axis"), this);
  logSteps->setCheckable(true);
  logSteps->setChecked(m_sidePlots->logStepAxis());
  logSteps->setShortcut(Qt::Key_X);
  connect(logSteps, &QAction::toggled, m_sidePlots, &SidePlots::setLogStepAxis);
  connect(m_sidePlots, &SidePlots::logStepAxisChanged, logSteps, &QAction::setChecked);

  // Equal aspect and the legend: the view holds the state, the actions show and set it.
  auto* aspect = new QAction(tr("&Equal aspect"), this);
  aspect->setCheckable(true);
  aspect->setShortcut(Qt::Key_A);
  aspect->setToolTip(tr("the same scale on x and y, so gradients meet contours at right angles"));
  aspect->setChecked(m_view->equalAspect());
  connect(aspect, &QAction::toggled, m_view, &LandscapeView::setEqualAspect);
  connect(m_view, &LandscapeView::equalAspectChanged, aspect, &QAction::setChecked);

  auto* legend = new QMenu(tr("Le&gend"), this);
  auto* places = new QActionGroup(legend);
  using Place = LandscapeView::LegendPlacement;
  // Ctrl+Alt and the corner's place on a numeric keypad (7 9 / 1 3); 0 hides, 5 shrinks.
  const std::tuple<Place, QString, Qt::Key> choices[] = {
      {Place::TopRight, tr("Top right"), Qt::Key_9},
      {Place::TopLeft, tr("Top left"), Qt::Key_7},
      {Place::BottomLeft, tr("Bottom left"), Qt::Key_1},
      {Place::BottomRight, tr("Bottom right"), Qt::Key_3},
      {Place::Hidden, tr("Hidden"), Qt::Key_0}};
  for (const auto& [place, label, key] : choices) {
    QAction* action = legend->addAction(label);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | key));
    action->setCheckable(true);
    action->setData(static_cast<int>(place));
    places->addAction(action);
    connect(action, &QAction::triggered, m_view,
            [this, place = place] { m_view->setLegendPlacement(place); });
  }
  legend->addSeparator();
  QAction* small = legend->addAction(tr("Small"));
  small->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_5));
  small->setCheckable(true);
  connect(small, &QAction::toggled, m_view, &LandscapeView::setLegendSmall);
  const auto showLegend = [this, places, small] {
    for (QAction* action : places->actions())
      action->setChecked(action->data().toInt() == static_cast<int>(m_view->legendPlacement()));
    const QSignalBlocker block(small);
    small->setChecked(m_view->legendSmall());
  };
  connect(m_view, &LandscapeView::legendChanged, legend, showLegend);
  showLegend();

  // The keyboard's way to the function: its dock comes back if folded, the picker takes the
  // keyboard (arrows choose; Esc gives the keyboard back to the window).
  auto* chooseFunction = new QAction(tr("Choose &function"), this);
  chooseFunction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
  connect(chooseFunction, &QAction::triggered, this, [this] {
    if (m_functionDock) m_functionDock->show();
    m_functionPanel->functionEditor()->picker()->setFocus(Qt::ShortcutFocusReason);
  });
  m_viewActions = {chooseFunction, resetView, logColors,           contours,
                   logSteps,       aspect,    legend->menuAction()};
}

}  // namespace optiscope::ui

#include "app/gui/render_mode.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <cstdio>

#include "core/experiment/default_scenes.h"
#include "core/experiment/experiment_io.h"
#include "core/util/spec_error.h"
#include "ui/app_window.h"
#include "ui/common/animation_export.h"
#include "ui/common/figure_export.h"
#include "ui/common/widget_image.h"
#include "ui/document.h"
#include "ui/landscape/landscape_evaluator.h"
#include "ui/landscape/landscape_page.h"
#include "ui/landscape/landscape_view.h"
#include "ui/network/network_page.h"

namespace optiscope::gui {
namespace {

constexpr int kEngineTimeoutMs = 120'000;
constexpr int kLandscapeTimeoutMs = 30'000;
constexpr long long kDefaultSteps = 300;
constexpr long long kDefaultEpochs = 30;  // an animation of the network page

// Lets queued work (plot refreshes, landscape results) arrive until `done` or the timeout.
template <class Done>
bool processEventsUntil(Done done, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeoutMs) return false;
    QApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return true;
}

ui::FigureFormat figureFormat(GuiArguments::Figure figure) {
  switch (figure) {
    case GuiArguments::Figure::Png:
      return ui::FigureFormat::Png;
    case GuiArguments::Figure::Svg:
      return ui::FigureFormat::Svg;
    case GuiArguments::Figure::Pdf:
      return ui::FigureFormat::Pdf;
  }
  return ui::FigureFormat::Png;
}

}  // namespace

Experiment sceneToRender(const GuiArguments& arguments) {
  Experiment scene = defaultExperiment();
  if (arguments.experiment) {
    scene = readExperimentFile(*arguments.experiment);
  } else {
    scene.playback.landscapeSteps = kDefaultSteps;
  }
  if (arguments.steps) {
    scene.playback.landscapeSteps = *arguments.steps;
    scene.playback.networkEpochs = *arguments.steps;
  }
  return scene;
}

ui::AnimationOptions animationToRender(const GuiArguments& arguments, const Experiment& scene) {
  ui::AnimationOptions animation;
  const bool network = scene.page == ExperimentPage::Network;
  const long long position = network ? scene.playback.networkEpochs : scene.playback.landscapeSteps;
  animation.steps = position > 0 ? position : (network ? kDefaultEpochs : kDefaultSteps);
  animation.frames = arguments.frames;
  animation.fps = arguments.fps;
  if (arguments.sizeGiven) animation.size = QSize(arguments.width, arguments.height);
  if (const QString problem = ui::checkAnimationOptions(animation); !problem.isEmpty())
    throw SpecError(problem.toStdString());
  return animation;
}

int runRenderMode(const GuiArguments& arguments, const Experiment& requested) {
  // An animation plays the runs from step 0 to the scene's position (or --steps).
  Experiment scene = requested;
  ui::AnimationOptions animation;
  if (arguments.animation) {
    animation = animationToRender(arguments, scene);
    scene.playback.landscapeSteps = 0;
    scene.playback.networkEpochs = 0;
  }
  const QSize windowSize =
      arguments.animation ? QSize(1440, 900) : QSize(arguments.width, arguments.height);
  ui::AppWindow app;
  ui::MainWindow& window = app.window;
  try {
    window.document()->apply(scene);
  } catch (const SpecError& error) {
    std::fprintf(stderr, "optiscope: %s\n", error.what());
    return 2;
  }
  window.resize(windowSize);
  window.show();
  QApplication::processEvents();
  if (window.size() != windowSize) {
    std::fprintf(stderr, "optiscope: --size %dx%d is smaller than the window can be (%dx%d)\n",
                 arguments.width, arguments.height, window.width(), window.height());
    return 2;
  }
  for (ui::RunController* controller : {static_cast<ui::RunController*>(&app.landscapeController),
                                        static_cast<ui::RunController*>(&app.networkController)})
    if (!controller->waitUntilIdle(kEngineTimeoutMs)) {
      std::fprintf(stderr, "optiscope: the engine did not reach the playback position in time\n");
      return 1;
    }
  if (scene.page == ExperimentPage::Landscape) {
    ui::LandscapeView* landscape = app.landscape->view();
    const auto fineLandscapeShown = [landscape] {
      const auto shown = landscape->shownLandscape();
      return landscape->evaluator().settled() && shown && shown->resolution == Resolution::kFine &&
             shown->generation == landscape->evaluator().lastGeneration();
    };
    if (!processEventsUntil(fineLandscapeShown, kLandscapeTimeoutMs)) {
      std::fprintf(stderr, "optiscope: the landscape was not computed in time\n");
      return 1;
    }
  }
  ui::Page* page = scene.page == ExperimentPage::Network ? static_cast<ui::Page*>(app.network)
                                                         : static_cast<ui::Page*>(app.landscape);
  // Views computed off the GUI thread (the decision maps) are asked for at this position and
  // waited for; plots refresh now.
  if (!page->settleFigure(kLandscapeTimeoutMs)) {
    std::fprintf(stderr, "optiscope: the page was not drawn in time\n");
    return 1;
  }
  // One more round so that everything reacting to the last results has drawn.
  processEventsUntil([] { return false; }, 200);
  const QString output = QString::fromStdString(arguments.output());
  QString error;
  if (arguments.screenshot) {
    error = ui::saveWidgetImage(window, output);
  } else if (arguments.animation) {
    error = ui::recordAnimation(*page, animation, output);
  } else {
    ui::FigureOptions options;
    options.format = figureFormat(*arguments.figureFormat);
    options.scale = arguments.scale;
    error = ui::exportFigureParts(page->figureParts(), options, output);
  }
  if (!error.isEmpty()) {
    std::fprintf(stderr, "optiscope: %s\n", qPrintable(error));
    return 1;
  }
  return 0;
}

}  // namespace optiscope::gui

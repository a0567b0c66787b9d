// optiscope: the desktop laboratory. Without options it opens the window on the last session's
// scene; with FILE it opens that experiment file; with --screenshot or --export-png/-svg/-pdf it
// renders headless into a file and exits.
#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <clocale>
#include <cstdio>

#include "app/gui/gui_arguments.h"
#include "app/gui/render_mode.h"
#include "core/util/spec_error.h"
#include "ui/app_window.h"
#include "ui/document.h"
#include "ui/window_session.h"

int main(int argc, char** argv) {
  using namespace optiscope;
  // Bad arguments get their one line before Qt starts (and prints anything of its own).
  gui::GuiArguments arguments;
  try {
    arguments = gui::parseGuiArguments(argc, argv);
  } catch (const gui::GuiArgumentError& error) {
    std::fprintf(stderr, "optiscope: %s\n", error.what());
    return 2;
  }
  if (arguments.help) {
    std::fputs(gui::guiUsage(), stdout);
    return 0;
  }
  Experiment scene;
  if (arguments.rendersHeadless()) {
    try {
      scene = gui::sceneToRender(arguments);
      if (arguments.animation) gui::animationToRender(arguments, scene);
    } catch (const SpecError& error) {
      std::fprintf(stderr, "optiscope: %s\n", error.what());
      return 2;
    }
  }
  if (arguments.rendersHeadless() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    bool platformChosen = false;
    for (int i = 1; i < argc; ++i)
      platformChosen = platformChosen || std::string_view(argv[i]) == "-platform";
    if (!platformChosen) qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  // Qt adopts the user's locale for the C library; spec numbers are always "0.05", never "0,05".
  std::setlocale(LC_NUMERIC, "C");
  QApplication::setApplicationName(QStringLiteral("Optiscope"));
  QApplication::setOrganizationName(QStringLiteral("Optiscope"));
  QApplication::setApplicationVersion(QStringLiteral(OPTISCOPE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("optiscope"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/optiscope.png")));

  if (arguments.rendersHeadless()) return gui::runRenderMode(arguments, scene);

  ui::AppWindow window;
  QSettings settings;
  ui::WindowSession session(window.window, settings);
  const QString problem = session.restore();
  QObject::connect(&app, &QApplication::aboutToQuit, [&] { session.save(); });
  // Nothing plays until the user presses Play: a newcomer sees every run start.
  window.window.show();
  QTimer::singleShot(0, &window.window, [&] {
    if (!problem.isEmpty())
      QMessageBox::warning(&window.window, QObject::tr("Last session"), problem);
    if (arguments.experiment)
      window.window.document()->open(QString::fromStdString(*arguments.experiment));
  });
  return app.exec();
}

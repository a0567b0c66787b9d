// optiscope: the desktop laboratory. Without options it opens the window on the last scene;
// with --screenshot it renders the default scene headless into a PNG and exits.
#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <clocale>
#include <cstdio>

#include "app/gui/gui_arguments.h"
#include "app/gui/screenshot_mode.h"
#include "ui/app_window.h"
#include "ui/window_session.h"

int main(int argc, char** argv) {
  using namespace optiscope;
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
  if (arguments.screenshot && !arguments.platformChosen &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");

  QApplication app(argc, argv);
  // Qt adopts the user's locale for the C library; spec numbers are always "0.05", never "0,05".
  std::setlocale(LC_NUMERIC, "C");
  QApplication::setApplicationName(QStringLiteral("Optiscope"));
  QApplication::setOrganizationName(QStringLiteral("Optiscope"));
  QApplication::setApplicationVersion(QStringLiteral(OPTISCOPE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("optiscope"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/optiscope.png")));

  if (arguments.screenshot) return gui::runScreenshotMode(arguments);

  ui::AppWindow window;
  QSettings settings;
  ui::restoreSession(settings, window.window, *window.landscape);
  QObject::connect(&app, &QApplication::aboutToQuit,
                   [&] { ui::saveSession(settings, window.window, *window.landscape); });
  // Nothing plays until the user presses Play: a newcomer sees every run start.
  window.window.show();
  return app.exec();
}

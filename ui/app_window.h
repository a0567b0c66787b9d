#pragma once

#include "ui/landscape/landscape_controller.h"
#include "ui/main_window.h"
#include "ui/network/network_controller.h"

namespace optiscope::ui {

class LandscapePage;
class NetworkPage;

// Optiscope's window as the application shows it: the Landscape and Network pages over their
// controllers, made and destroyed together (the window and its pages go before the
// controllers they use). Both pages start on their default scenes, paused.
struct AppWindow {
  AppWindow();

  LandscapeController landscapeController;
  NetworkController networkController;
  LandscapePage* landscape;
  NetworkPage* network;
  MainWindow window;
};

}  // namespace optiscope::ui

#include "ui/app_window.h"

#include "ui/landscape/landscape_page.h"
#include "ui/network/network_page.h"

namespace optiscope::ui {

namespace {

// The default scenes come first, so that the pages open on them.
template <class Controller>
Controller* withDefaultScene(Controller* controller) {
  controller->loadDefaultScene();
  return controller;
}

}  // namespace

AppWindow::AppWindow()
    : landscape(new LandscapePage(withDefaultScene(&landscapeController))),
      network(new NetworkPage(withDefaultScene(&networkController))),
      window({landscape, network}) {}

}  // namespace optiscope::ui

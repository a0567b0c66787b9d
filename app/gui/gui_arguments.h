#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace optiscope::gui {

struct GuiArguments {
  std::optional<std::string> screenshot;  // --screenshot FILE: render headless, save, exit
  long long steps = 300;                  // --steps N: steps before the screenshot
  int width = 1440, height = 900;         // --size WxH
  bool help = false;
  bool platformChosen = false;  // Qt's -platform was given: leave the platform alone
};

class GuiArgumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads Optiscope's own `--` options; single-dash arguments (-platform, -style, ...) are left to
// Qt. Throws GuiArgumentError with a one-line message.
GuiArguments parseGuiArguments(int argc, char** argv);
const char* guiUsage();

}  // namespace optiscope::gui

#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace optiscope::gui {

struct GuiArguments {
  std::optional<std::string> experiment;  // FILE: an experiment file to open (or render)
  std::optional<std::string> screenshot;  // --screenshot OUT.png: render headless, save, exit
  // --steps N: steps before the screenshot (default: the file's playback position, or 300 for
  // the default scene)
  std::optional<long long> steps;
  int width = 1440, height = 900;  // --size WxH
  bool help = false;
};


class GuiArgumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads Optiscope's options and FILE; Qt's single-dash options (-platform X, -style Y, ...)
// and their values are left to Qt. Throws GuiArgumentError with a one-line message.
GuiArguments parseGuiArguments(int argc, char** argv);
const char* guiUsage();

}  // namespace optiscope::gui

#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace optiscope::gui {

struct GuiArguments {
  std::optional<std::string> experiment;  // FILE: an experiment file to open (or render)
  std::optional<std::string> screenshot;  // --screenshot OUT.png: render headless, save, exit
  // --export-png/-svg/-pdf OUT: the page's figure (its plots and views), headless, then exit
  enum class Figure { Png, Svg, Pdf };
  std::optional<Figure> figureFormat;
  std::optional<std::string> figure;
  double scale = 1.0;  // --scale K (PNG figures): pixels per unit of size
  // --export-gif OUT.gif: the page's runs from step 0 as an animation, then exit
  std::optional<std::string> animation;
  int frames = 60;  // --frames F
  int fps = 15;     // --fps R
  // --steps N: steps before the screenshot (default: the file's playback position, or 300 for
  // the default scene)
  std::optional<long long> steps;
  int width = 1440, height = 900;  // --size WxH: the window's (a GIF's own, default 800x600)
  bool sizeGiven = false;
  bool help = false;

  // Whether the window is rendered headless (a screenshot or a figure) rather than opened.
  bool rendersHeadless() const { return screenshot || figure || animation; }
  // The file a headless render writes.
  const std::string& output() const {
    return screenshot ? *screenshot : figure ? *figure : *animation;
  }
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

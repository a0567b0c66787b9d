#include "app/gui/gui_arguments.h"

#include <string_view>

#include "core/util/spec.h"
#include "core/util/spec_error.h"

namespace optiscope::gui {
namespace {

constexpr int kMinSide = 200, kMaxSide = 8192;
constexpr long long kMaxSteps = 1'000'000'000;

void parseSize(const std::string& text, GuiArguments& out) {
  const auto x = text.find('x');
  if (x == std::string::npos) throw GuiArgumentError("--size must be WxH, like 1440x900");
  try {
    const long long w = parseInteger(text.substr(0, x), "--size");
    const long long h = parseInteger(text.substr(x + 1), "--size");
    if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide)
      throw GuiArgumentError("--size sides must be between " + std::to_string(kMinSide) + " and " +
                             std::to_string(kMaxSide) + ", got " + text);
    out.width = static_cast<int>(w);
    out.height = static_cast<int>(h);
  } catch (const SpecError&) {
    throw GuiArgumentError("--size must be WxH, like 1440x900, got '" + text + "'");
  }
}

// Qt's single-dash options that take the next argument as their value (QGuiApplication,
// QApplication): that value is not an experiment file.
bool takesValue(const std::string& qtOption) {
  static const char* const withValue[] = {"-platform",
                                          "-platformpluginpath",
                                          "-platformtheme",
                                          "-plugin",
                                          "-qwindowgeometry",
                                          "-qwindowicon",
                                          "-qwindowtitle",
                                          "-geometry",
                                          "-style",
                                          "-stylesheet",
                                          "-session",
                                          "-display",
                                          "-title",
                                          "-icon",
                                          "-name",
                                          "-qmljsdebugger"};
  for (const char* option : withValue)
    if (qtOption == option) return true;
  return false;
}

// A headless run writes one file: a second --screenshot or --export-* is refused, naming it.
void refuseSecondOutput(const GuiArguments& out, const std::string& option) {
  if (out.rendersHeadless())
    throw GuiArgumentError("one output at a time: " + option +
                           " with another --export or --screenshot");
}

}  // namespace

const char* guiUsage() {
  return "usage: optiscope [FILE] [--screenshot OUT.png [--steps N] [--size WxH]]\n"
         "       optiscope [FILE] --export-png OUT.png [--steps N] [--size WxH] [--scale K]\n"
         "       optiscope [FILE] --export-svg OUT.svg [--steps N] [--size WxH]\n"
         "       optiscope [FILE] --export-pdf OUT.pdf [--steps N] [--size WxH]\n"
         "       optiscope [FILE] --export-gif OUT.gif [--steps N] [--frames F] [--size WxH]\n"
         "                 [--fps R]\n"
         "  FILE                an experiment file (*.optiscope.json) to open\n"
         "  --screenshot OUT    render without a display and save a PNG of WxH pixels\n"
         "                      (default 1440x900): FILE's scene on its page at its playback\n"
         "                      position, or the default scene after 300 steps; --steps N\n"
         "                      runs N steps instead\n"
         "  --export-png OUT    the same, but only the page's plots and views, as arranged in\n"
         "  --export-svg OUT    a WxH window, as a PNG (K pixels per unit, default 1), or as\n"
         "  --export-pdf OUT    vectors: lines as paths, text as text\n"
         "  --export-gif OUT    the page's runs from step 0 (a network: epoch 0) to N (default\n"
         "                      the file's playback position, or 300 steps or 30 epochs) as an\n"
         "                      animated GIF of F frames (default 60) of WxH pixels (default\n"
         "                      800x600) at R frames per second (default 15)\n"
         "  Qt's own options (-platform, -style, ...) are accepted too.\n";
}

GuiArguments parseGuiArguments(int argc, char** argv) {
  GuiArguments out;
  bool stepsGiven = false, sizeGiven = false, scaleGiven = false, animationGiven = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("-", 0) == 0 && arg.rfind("--", 0) != 0) {  // Qt's own: left to Qt
      if (takesValue(arg)) ++i;
      continue;
    }
    if (arg.rfind("-", 0) != 0) {
      if (out.experiment)
        throw GuiArgumentError("one experiment file at a time, got '" + *out.experiment +
                               "' and '" + arg + "'");
      out.experiment = arg;
      continue;
    }
    if (arg.rfind("--", 0) != 0)
      throw GuiArgumentError("unknown option '" + arg + "' (see --help)");
    std::string value;
    const bool inlineValue = arg.find('=') != std::string::npos;
    if (inlineValue) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
    }
    auto takeValue = [&]() -> std::string {
      if (inlineValue) return value;
      if (i + 1 >= argc) throw GuiArgumentError(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--help") {
      out.help = true;
    } else if (arg == "--screenshot") {
      const std::string file = takeValue();
      if (file.empty()) throw GuiArgumentError("--screenshot needs a file name");
      refuseSecondOutput(out, arg);
      out.screenshot = file;
    } else if (arg == "--export-png" || arg == "--export-svg" || arg == "--export-pdf") {
      const std::string file = takeValue();
      if (file.empty()) throw GuiArgumentError(arg + " needs a file name");
      refuseSecondOutput(out, arg);
      out.figure = file;
      out.figureFormat = arg == "--export-png"   ? GuiArguments::Figure::Png
                         : arg == "--export-svg" ? GuiArguments::Figure::Svg
                                                 : GuiArguments::Figure::Pdf;
    } else if (arg == "--export-gif") {
      const std::string file = takeValue();
      if (file.empty()) throw GuiArgumentError("--export-gif needs a file name");
      refuseSecondOutput(out, arg);
      out.animation = file;
    } else if (arg == "--frames" || arg == "--fps") {
      const std::string text = takeValue();
      long long value = 0;
      try {
        value = parseInteger(text, arg);
      } catch (const SpecError&) {
        throw GuiArgumentError(arg + " must be a whole number, got '" + text + "'");
      }
      const long long low = arg == "--frames" ? 2 : 1, high = arg == "--frames" ? 2000 : 50;
      if (value < low || value > high)
        throw GuiArgumentError(arg + " must be between " + std::to_string(low) + " and " +
                               std::to_string(high) + ", got " + text);
      (arg == "--frames" ? out.frames : out.fps) = static_cast<int>(value);
      animationGiven = true;
    } else if (arg == "--scale") {
      const std::string text = takeValue();
      try {
        out.scale = parseFiniteDouble(text, "--scale");
      } catch (const SpecError&) {
        throw GuiArgumentError("--scale must be a number, like 2, got '" + text + "'");
      }
      if (!(out.scale >= 0.25 && out.scale <= 8.0))
        throw GuiArgumentError("--scale must be between 0.25 and 8, got " + text);
      scaleGiven = true;
    } else if (arg == "--steps") {
      const std::string text = takeValue();
      try {
        out.steps = parseInteger(text, "--steps");
      } catch (const SpecError&) {
        throw GuiArgumentError("--steps must be a whole number, got '" + text + "'");
      }
      if (*out.steps < 0 || *out.steps > kMaxSteps)
        throw GuiArgumentError("--steps must be between 0 and 1000000000, got " + text);
      stepsGiven = true;
    } else if (arg == "--size") {
      parseSize(takeValue(), out);
      sizeGiven = true;
    } else {
      throw GuiArgumentError("unknown option '" + arg + "' (see --help)");
    }
  }
  if ((stepsGiven || sizeGiven) && !out.rendersHeadless())
    throw GuiArgumentError("--steps and --size go with --screenshot or --export-png/-svg/-pdf");
  if (animationGiven && !out.animation)
    throw GuiArgumentError("--frames and --fps go with --export-gif OUT.gif");
  out.sizeGiven = sizeGiven;
  if (scaleGiven && out.figureFormat != GuiArguments::Figure::Png)
    throw GuiArgumentError("--scale goes with --export-png OUT.png");
  return out;
}

}  // namespace optiscope::gui

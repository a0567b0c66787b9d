#include "ui/common/animation_export.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <optional>

#include "ui/common/figure_export.h"
#include "ui/common/gif_writer.h"
#include "ui/common/page.h"
#include "ui/common/run_controller.h"
#include "ui/common/shared_palette.h"

namespace optiscope::ui {

namespace animation_impl {

constexpr int kEngineTimeoutMs = 120'000;
constexpr int kSettleTimeoutMs = 30'000;
constexpr double kMainShare = 0.64;  // of the height, for the main view when plots are shown

// The main view on top, the other plots side by side below it.
QList<PlacedPart> layOut(const QList<FigurePart>& parts, QSize size, bool withPlots) {
  QList<PlacedPart> placed;
  if (parts.isEmpty()) return placed;
  const QList<FigurePart> below = withPlots ? parts.mid(1) : QList<FigurePart>{};
  const int mainHeight =
      below.isEmpty() ? size.height() : static_cast<int>(std::lround(size.height() * kMainShare));
  placed.append({parts.front().widget, QRect(0, 0, size.width(), mainHeight)});
  for (int i = 0; i < below.size(); ++i) {
    const int left = size.width() * i / static_cast<int>(below.size());
    const int right = size.width() * (i + 1) / static_cast<int>(below.size());
    placed.append(
        {below[i].widget, QRect(left, mainHeight, right - left, size.height() - mainHeight)});
  }
  return placed;
}

// The runs' colors over white, black and the frame's own background, half and fully opaque:
// paths and curves that are not on screen yet in the first frame get palette entries too.
QImage colorSwatches(const RunController& controller, const QColor& background) {
  const std::vector<RunId>& ids = controller.runIds();
  QImage swatches(std::max<int>(1, static_cast<int>(ids.size())) * 6, 16, QImage::Format_RGB32);
  swatches.fill(background);
  QPainter painter(&swatches);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const QColor color = controller.style(ids[k]).color;
    const int x = static_cast<int>(k) * 6;
    painter.fillRect(x, 0, 6, 4, color);
    painter.fillRect(x, 4, 6, 4, Qt::white);
    painter.fillRect(x, 4, 6, 4, QColor(color.red(), color.green(), color.blue(), 128));
    painter.fillRect(x, 8, 6, 4, Qt::black);
    painter.fillRect(x, 8, 6, 4, QColor(color.red(), color.green(), color.blue(), 128));
  }
  return swatches;
}

}  // namespace animation_impl

using namespace animation_impl;

QString checkAnimationOptions(const AnimationOptions& options) {
  if (options.frames < 2 || options.frames > 2000)
    return QStringLiteral("frames must be between 2 and 2000, got %1").arg(options.frames);
  if (options.fps < 1 || options.fps > 50)
    return QStringLiteral("the frame rate must be between 1 and 50, got %1").arg(options.fps);
  if (options.steps < options.frames)
    return QStringLiteral("at least one step per frame: %1 steps for %2 frames")
        .arg(options.steps)
        .arg(options.frames);
  const auto sideOk = [](int side) { return side >= 64 && side <= 4096; };
  if (!sideOk(options.size.width()) || !sideOk(options.size.height()))
    return QStringLiteral("the sides must be between 64 and 4096 pixels, got %1x%2")
        .arg(options.size.width())
        .arg(options.size.height());
  return {};
}

QString recordAnimation(Page& page, const AnimationOptions& options, const QString& path,
                        const std::function<bool(int)>& frameDone) {
  if (QString problem = checkAnimationOptions(options); !problem.isEmpty()) return problem;
  RunController& controller = *page.controller();
  const QList<PlacedPart> placed = layOut(page.animationParts(), options.size, options.withPlots);
  const QColor background = page.palette().color(QPalette::Window);
  // One unit per frame: steps, or epochs on a problem that has them.
  const long long perFrame = options.steps / options.frames;
  const long long stepsPerFrame =
      controller.stepsPerEpoch() > 0 ? perFrame * controller.stepsPerEpoch() : perFrame;

  controller.pause();
  controller.resetAll();
  if (!controller.waitUntilIdle(kEngineTimeoutMs)) return QStringLiteral("the engine did not stop");
  std::optional<SharedPalette> palette;
  std::optional<GifWriter> gif;
  const int delay = static_cast<int>(std::lround(100.0 / options.fps));
  for (int frame = 0; frame < options.frames; ++frame) {
    controller.step(stepsPerFrame);
    if (!controller.waitUntilIdle(kEngineTimeoutMs))
      return QStringLiteral("the engine did not reach frame %1 in time").arg(frame + 1);
    if (!page.settleFigure(kSettleTimeoutMs))
      return QStringLiteral("frame %1 was not drawn in time").arg(frame + 1);
    const QImage image = renderFigureImage(placed, options.size, background);
    if (!palette) {
      palette.emplace(QList<QImage>{image, colorSwatches(controller, background)});
      gif.emplace(path, options.size, palette->colors(), delay);
    }
    if (!gif->addFrame(palette->indices(image))) return gif->error();
    if (frameDone && !frameDone(frame + 1)) return QStringLiteral("cancelled");
  }
  return gif->finish();
}

}  // namespace optiscope::ui

#pragma once

#include <QSize>
#include <QString>
#include <functional>

namespace optiscope::ui {

class Page;

// What an animated GIF of a page shows: its runs from step 0 (a network: epoch 0) to
// `steps`, `frames` frames apart by steps / frames each, at `size` pixels, `fps` frames per
// second; with `withPlots`, the page's plots below its main view.
struct AnimationOptions {
  long long steps = 300;
  int frames = 60;
  QSize size{800, 600};
  int fps = 15;
  bool withPlots = true;
};

// An error message if `options` cannot be recorded, empty if they can: 2 to 2000 frames, 1 to
// 50 frames per second, at least one step per frame, sides of 64 to 4096 pixels.
QString checkAnimationOptions(const AnimationOptions& options);

// Records `page`: pauses and resets its runs, then steps them frame by frame and draws each
// frame (one palette for all, from the first frame and the runs' colors), writing `path` as a
// GIF. The runs are left where the last frame shows them. `frameDone(k)` is told after each
// frame and returns false to stop. Returns an empty string on success, "cancelled", or what
// went wrong; a cancelled or failed recording leaves no file.
QString recordAnimation(Page& page, const AnimationOptions& options, const QString& path,
                        const std::function<bool(int)>& frameDone = {});

}  // namespace optiscope::ui

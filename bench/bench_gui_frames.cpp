// Frame-time statistics of the main window while 8 runs race at unlimited speed.
//
// A "frame" is one busy spell of the GUI thread: from the moment its event loop wakes up until
// it is about to block again. It covers the controller's poll, every view's update, the replots
// and the painting, so its length is how long input can wait. Input latency is measured too:
// another thread posts an event every ~50 ms, as the window system would, and the time until
// the GUI thread handles it is recorded. Run under Xvfb (bench/gui_frames.sh) or on a desktop.
//
//   bench_gui_frames [--seconds S] [--runs N] [--speed STEPS_PER_SECOND]  (default: unlimited)
#include <qcustomplot.h>

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/optim/registry.h"
#include "ui/app_window.h"
#include "ui/document.h"
#include "ui/landscape/landscape_controller.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread: unlike wall time, not inflated when other programs compete
// for the cores.
double threadCpuMilliseconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double millisecondsBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// The 1-minute load average: the figures above mean little without it on a shared machine.
std::string loadAverage() {
  std::FILE* file = std::fopen("/proc/loadavg", "r");
  if (!file) return "unknown";
  char text[32] = {};
  const bool read = std::fscanf(file, "%31s", text) == 1;
  std::fclose(file);
  return read ? text : "unknown";
}

struct Stats {
  double p50, p95, max;
  std::size_t count;
};

Stats statsOf(std::vector<double> values) {
  if (values.empty()) return {0, 0, 0, 0};
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
  };
  return {at(0.50), at(0.95), values.back(), values.size()};
}

// An event that carries the moment it was posted.
class ProbeEvent : public QEvent {
 public:
  static QEvent::Type type() {
    static const auto t = static_cast<QEvent::Type>(QEvent::registerEventType());
    return t;
  }
  explicit ProbeEvent(Clock::time_point posted) : QEvent(type()), posted(posted) {}
  Clock::time_point posted;
};

class ProbeReceiver : public QObject {
 public:
  std::vector<double> latencies;
  bool recording = false;

 protected:
  bool event(QEvent* e) override {
    if (e->type() != ProbeEvent::type()) return QObject::event(e);
    if (recording)
      latencies.push_back(millisecondsBetween(static_cast<ProbeEvent*>(e)->posted, Clock::now()));
    return true;
  }
};

}  // namespace

int main(int argc, char** argv) {
  double seconds = 20.0;
  int runCount = 8;
  double speed = std::numeric_limits<double>::infinity();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runCount = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--speed")) speed = std::atof(argv[i + 1]);
  }
  // The plain UNIX event dispatcher reports when the loop wakes and when it is about to block.
  qputenv("QT_NO_GLIB", "1");
  QApplication app(argc, argv);
  std::setlocale(LC_NUMERIC, "C");
  using namespace optiscope;

  ui::AppWindow shown;
  ui::LandscapeController& controller = shown.landscapeController;
  const char* extra[] = {"adamw:lr=0.05", "nadam:lr=0.02", "adabelief:lr=0.05", "lion:lr=0.002",
                         "radam:lr=0.05", "yogi:lr=0.05",  "adamax:lr=0.05",    "rprop:lr=0.001"};
  for (int i = static_cast<int>(controller.runIds().size()), k = 0; i < runCount; ++i, ++k)
    controller.addRun(parseOptimizerSpec(extra[k % 8]));
  while (static_cast<int>(controller.runIds().size()) > runCount)
    controller.removeRun(controller.runIds().back());

  ui::MainWindow& window = shown.window;
  // The runs added above are unsaved changes: quitting must not stop at Save / Discard / Cancel.
  window.document()->setDialogs([](const QString&) { return ui::Document::Answer::Discard; },
                                [](bool, const QString&) { return QString(); },
                                [](const QString&, const QString&) {});
  window.resize(1440, 900);
  window.show();
  QElapsedTimer warmUp;
  warmUp.start();
  while (warmUp.elapsed() < 1500) app.processEvents(QEventLoop::AllEvents, 50);

  std::vector<double> frames;
  Clock::time_point wokeAt = Clock::now();
  bool recording = false;
  QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
  QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, [&] { wokeAt = Clock::now(); });
  QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, [&] {
    if (recording) frames.push_back(millisecondsBetween(wokeAt, Clock::now()));
  });

  ProbeReceiver probe;
  std::atomic<bool> probing{true};
  std::thread input([&] {
    while (probing) {
      std::this_thread::sleep_for(std::chrono::milliseconds(47));
      QCoreApplication::postEvent(&probe, new ProbeEvent(Clock::now()));
    }
  });

  long long updates = 0;
  QObject::connect(&controller, &ui::LandscapeController::updated, [&] { updates += recording; });
  // How often each plot is redrawn during the race: a plot nobody sees should never be.
  std::map<QCustomPlot*, long long> replots;
  for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
    QObject::connect(plot, &QCustomPlot::afterReplot,
                     [&replots, plot, &recording] { replots[plot] += recording; });
  const auto stepsBefore = controller.snapshot() ? controller.snapshot()->totalSteps : 0;
  controller.setSpeed(speed);
  controller.play();
  recording = true;
  probe.recording = true;
  QTimer::singleShot(static_cast<int>(seconds * 1000), &app, &QApplication::quit);
  const auto started = Clock::now();
  const double cpuBefore = threadCpuMilliseconds();
  app.exec();
  const double guiCpu = threadCpuMilliseconds() - cpuBefore;
  const double elapsed = millisecondsBetween(started, Clock::now()) / 1000.0;
  recording = false;
  probe.recording = false;
  probing = false;
  input.join();
  controller.pause();
  controller.pollNow();
  const auto stepsAfter = controller.snapshot() ? controller.snapshot()->totalSteps : 0;

  const Stats frame = statsOf(frames);
  const Stats latency = statsOf(probe.latencies);
  std::printf("bench_gui_frames: %d runs at %s for %.1f s, window %dx%d, platform %s\n", runCount,
              std::isinf(speed) ? "unlimited speed" : (std::to_string(speed) + " steps/s").c_str(),
              elapsed, window.width(), window.height(),
              qPrintable(QGuiApplication::platformName()));
  std::printf("  GUI busy spells (frames): %zu (%.0f per second)\n", frame.count,
              frame.count / elapsed);
  std::printf(
      "  frame time     p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (target p95 <= 33 ms)\n",
      frame.p50, frame.p95, frame.max);
  std::printf("  input latency  p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%zu probes)\n",
              latency.p50, latency.p95, latency.max, latency.count);
  std::printf("  GUI thread: %.0f%% of a core; %lld engine updates shown (%.0f per second)\n",
              guiCpu / (elapsed * 10.0), updates, updates / elapsed);
  const double perUpdate = updates ? guiCpu / static_cast<double>(updates) : 0.0;
  std::printf("  GUI CPU per shown engine update: %.2f ms   (target <= 5 ms)\n", perUpdate);
  std::printf("  machine load (1 min) at the end: %s\n", loadAverage().c_str());
  for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
    std::printf("  replot %-36s %s %5lld times, average %6.2f ms\n",
                plot->parentWidget() ? plot->parentWidget()->metaObject()->className() : "",
                plot->isVisible() ? "shown " : "hidden", replots[plot], plot->replotTime(true));
  std::printf("  engine: %.3g steps in total, %.3g steps/s per run\n",
              static_cast<double>(stepsAfter - stepsBefore),
              static_cast<double>(stepsAfter - stepsBefore) / elapsed / runCount);
  std::fflush(stdout);
  return frame.p95 <= 33.0 ? 0 : 1;
}

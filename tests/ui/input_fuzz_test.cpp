// Random keys, clicks, drags and wheel turns on the whole window for a minute: whatever a
// user (or a cat) does must not crash or hang Optiscope. Seeded, so a failure can be replayed:
//   OPTISCOPE_FUZZ_SEED=<seed> OPTISCOPE_FUZZ_SECONDS=<s> ui_tests "[fuzz]"
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QMenu>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <array>
#include <catch2/catch.hpp>
#include <random>

#include "ui/app_window.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;

namespace input_fuzz_test {

constexpr unsigned kDefaultSeed = 20261207;
constexpr int kDefaultSeconds = 60;

int environmentNumber(const char* name, int fallback) {
  bool ok = false;
  const int value = qEnvironmentVariableIntValue(name, &ok);
  return ok ? value : fallback;
}

// Keys a user presses, with and without modifiers. Ctrl+Q is left out: quitting is not a
// crash, and the test needs its window.
const std::array<int, 38> kKeys = {
    Qt::Key_Space, Qt::Key_Right,   Qt::Key_Left,     Qt::Key_Up,     Qt::Key_Down,
    Qt::Key_Tab,   Qt::Key_Backtab, Qt::Key_Return,   Qt::Key_Escape, Qt::Key_Home,
    Qt::Key_End,   Qt::Key_PageUp,  Qt::Key_PageDown, Qt::Key_Delete, Qt::Key_Backspace,
    Qt::Key_F1,    Qt::Key_F5,      Qt::Key_A,        Qt::Key_C,      Qt::Key_D,
    Qt::Key_E,     Qt::Key_L,       Qt::Key_N,        Qt::Key_R,      Qt::Key_S,
    Qt::Key_X,     Qt::Key_Z,       Qt::Key_Y,        Qt::Key_0,      Qt::Key_1,
    Qt::Key_2,     Qt::Key_5,       Qt::Key_9,        Qt::Key_Minus,  Qt::Key_Period,
    Qt::Key_Equal, Qt::Key_Plus,    Qt::Key_Delete};

// Closes whatever modal dialog or popup menu the input opened (they run event loops of their
// own, inside the key or click that opened them), so the fuzzing goes on in the window.
void closeWhatBlocks() {
  if (QWidget* popup = QApplication::activePopupWidget()) popup->close();
  if (QWidget* modal = QApplication::activeModalWidget()) {
    if (auto* dialog = qobject_cast<QDialog*>(modal))
      dialog->reject();
    else
      modal->close();
  }
}

}  // namespace input_fuzz_test

using input_fuzz_test::closeWhatBlocks;
using input_fuzz_test::kKeys;

TEST_CASE("a minute of random keys and clicks neither crashes nor hangs the window", "[ui][fuzz]") {
  const unsigned seed = static_cast<unsigned>(
      input_fuzz_test::environmentNumber("OPTISCOPE_FUZZ_SEED", input_fuzz_test::kDefaultSeed));
  const int seconds = input_fuzz_test::environmentNumber("OPTISCOPE_FUZZ_SECONDS",
                                                         input_fuzz_test::kDefaultSeconds);
  WARN("input fuzz: seed " << seed << ", " << seconds << " s");
  std::mt19937 random(seed);
  const auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };

  AppWindow app;
  MainWindow& window = app.window;
  window.resize(1200, 800);
  window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&window));
  QTimer unblocker;
  unblocker.setInterval(30);
  QObject::connect(&unblocker, &QTimer::timeout, &closeWhatBlocks);
  unblocker.start();

  QElapsedTimer clock;
  clock.start();
  long long events = 0;
  while (clock.elapsed() < seconds * 1000LL) {
    if (!window.isVisible()) window.show();
    const QPoint at(below(window.width()), below(window.height()));
    QWidget* target = window.childAt(at);
    if (!target) target = &window;
    const QPoint local = target->mapFrom(&window, at);
    const Qt::KeyboardModifiers modifiers =
        std::array<Qt::KeyboardModifiers, 5>{Qt::NoModifier, Qt::NoModifier, Qt::ControlModifier,
                                             Qt::ShiftModifier, Qt::AltModifier}[below(5)];
    switch (below(6)) {
      case 0:
      case 1: {  // a key, where the keyboard is
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(focus, static_cast<Qt::Key>(kKeys[below(kKeys.size())]), modifiers);
        break;
      }
      case 2:
        QTest::mouseClick(target, below(4) == 0 ? Qt::RightButton : Qt::LeftButton, modifiers,
                          local);
        break;
      case 3: {  // a drag
        QTest::mousePress(target, Qt::LeftButton, modifiers, local);
        QTest::mouseMove(target, local + QPoint(below(81) - 40, below(81) - 40));
        QTest::mouseRelease(target, Qt::LeftButton, modifiers,
                            local + QPoint(below(81) - 40, below(81) - 40));
        break;
      }
      case 4: {  // the wheel
        QWheelEvent wheel(local, target->mapToGlobal(local), QPoint(),
                          QPoint(0, below(2) ? 120 : -120), Qt::NoButton, modifiers,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &wheel);
        break;
      }
      default:  // typing into whatever has the keyboard
        if (QWidget* focus = QApplication::focusWidget())
          QTest::keyClicks(focus, QString::number(below(2000) - 1000) + QStringLiteral("e-3"));
        break;
    }
    QCoreApplication::processEvents();
    ++events;
  }
  closeWhatBlocks();
  WARN("input fuzz: " << events << " events");
  CHECK(events > 100);
  // Still alive and answering: both engines come to rest.
  app.landscapeController.pause();
  app.networkController.pause();
  CHECK(app.landscapeController.waitUntilIdle(10000));
  CHECK(app.networkController.waitUntilIdle(10000));
}

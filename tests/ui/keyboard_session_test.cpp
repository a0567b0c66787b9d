// A whole session with the keyboard alone: choose a function, add a run, edit its rate, play,
// step, export a figure. The test looks at the widgets only to know where the keyboard is.
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>

#include "core/optim/registry.h"
#include "ui/app_window.h"
#include "ui/common/figure_export_dialog.h"
#include "ui/common/run_card.h"
#include "ui/widget_test_support.h"

using namespace optiscope;
using namespace optiscope::ui;
using optiscope::testing::waitUntil;

namespace keyboard_session_test {

QWidget* keyboard() { return QApplication::focusWidget(); }

// A key where the keyboard is, then what the event loop does after it (a new run's card is
// shown by a queued call, as Qt's layouts show what they are given).
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
  QTest::keyClick(keyboard(), static_cast<Qt::Key>(key), modifiers);
  QCoreApplication::processEvents();
}

// The run card a widget sits in, if any.
const RunCard* cardOf(const QWidget* widget) {
  for (; widget; widget = widget->parentWidget())
    if (const auto* card = qobject_cast<const RunCard*>(widget)) return card;
  return nullptr;
}

}  // namespace keyboard_session_test

using keyboard_session_test::cardOf;
using keyboard_session_test::keyboard;
using keyboard_session_test::press;

TEST_CASE("a whole session with the keyboard alone", "[ui][keyboard]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  AppWindow app;
  LandscapeController& controller = app.landscapeController;
  MainWindow& window = app.window;
  window.show();
  window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&window));
  window.setFocus();

  // Ctrl+F takes the keyboard to the function; Down picks the next one.
  const std::string function = controller.objective().name;
  press(Qt::Key_F, Qt::ControlModifier);
  press(Qt::Key_Down);
  CHECK(waitUntil([&] { return controller.objective().name != function; }));

  // Ctrl+Shift+N adds a run; Tab walks to its learning rate, which is typed in.
  const std::size_t runs = controller.runIds().size();
  press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
  REQUIRE(controller.runIds().size() == runs + 1);
  const RunId added = controller.runIds().back();
  for (int tab = 0; tab < 200; ++tab) {
    const auto* edit = qobject_cast<QLineEdit*>(keyboard());
    if (edit && edit->accessibleName() == QStringLiteral("lr") && cardOf(edit) &&
        cardOf(edit)->runId() == added)
      break;
    press(Qt::Key_Tab);
  }
  REQUIRE(qobject_cast<QLineEdit*>(keyboard()));
  press(Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(keyboard(), QStringLiteral("0.0125"));
  press(Qt::Key_Return);
  CHECK(controller.runConfig(added).optimizer.values.real("lr") == 0.0125);

  // Esc gives the keyboard back to the window: Space plays and pauses, Right steps.
  press(Qt::Key_Escape);
  CHECK(keyboard() == &window);
  press(Qt::Key_Space);
  CHECK(controller.isPlaying());
  press(Qt::Key_Space);
  CHECK_FALSE(controller.isPlaying());
  REQUIRE(controller.waitUntilIdle(5000));
  controller.pollNow();
  const long long before = controller.snapshot()->find(added)->step;
  press(Qt::Key_Right);
  REQUIRE(controller.waitUntilIdle(5000));
  controller.pollNow();
  CHECK(controller.snapshot()->find(added)->step == before + 1);

  // Ctrl+E, Return: the figure dialog's Export… asks where; the file's name is typed there.
  const QString path = dir.filePath(QStringLiteral("session.png"));
  press(Qt::Key_E, Qt::ControlModifier);
  REQUIRE(waitUntil([] { return qobject_cast<FigureExportDialog*>(keyboard()->window()); }));
  bool typed = false;
  QTimer typist;
  QObject::connect(&typist, &QTimer::timeout, [&] {
    auto* files = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
    if (!files || typed || !keyboard() || keyboard()->window() != files) return;
    typed = true;
    press(Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(keyboard(), path);
    press(Qt::Key_Return);
  });
  typist.start(20);
  press(Qt::Key_Return);
  CHECK(waitUntil([&] { return QFileInfo(path).size() > 0; }, 10000));
  CHECK(typed);
}

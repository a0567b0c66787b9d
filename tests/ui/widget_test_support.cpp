#include "ui/widget_test_support.h"

#include <sys/wait.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <cstdlib>

namespace optiscope::testing {

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeoutMs) return done();
    QApplication::processEvents(QEventLoop::AllEvents, 10);
    QTest::qWait(5);
  }
  return true;
}

GuiRun runGui(const QString& args, const QTemporaryDir& dir) {
  const QString err = dir.filePath("stderr.txt");
  const QString command =
      QStringLiteral("'%1' %2 2>'%3' >/dev/null").arg(OPTISCOPE_GUI_PATH, args, err);
  const int status = std::system(command.toLocal8Bit().constData());
  QFile file(err);
  file.open(QIODevice::ReadOnly);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, QString::fromUtf8(file.readAll())};
}

void checkRefused(const QStringList& argumentLists, const QString& output,
                  const QTemporaryDir& dir) {
  for (const QString& args : argumentLists) {
    INFO(args.toStdString());
    const GuiRun result = runGui(args, dir);
    CHECK(result.exitCode == 2);
    CHECK(result.err.trimmed().count('\n') == 0);
    CHECK(result.err.startsWith("optiscope: "));
    CHECK_FALSE(QFile::exists(output));
  }
}

void typeInto(QLineEdit* edit, const QString& text) {
  edit->setFocus();
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Backspace);
  QTest::keyClicks(edit, text);
  QTest::keyClick(edit, Qt::Key_Return);
}

}  // namespace optiscope::testing

#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QLineEdit;
class QTemporaryDir;

namespace optiscope::testing {

// Processes events until `done` returns true or `timeoutMs` passes; returns `done()`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 5000);

// The built `optiscope` run in a shell as a user would, with `args`; its standard error is
// kept in `dir`.
struct GuiRun {
  int exitCode;
  QString err;
};
GuiRun runGui(const QString& args, const QTemporaryDir& dir);

// Runs the GUI with each of `argumentLists` and checks that each was refused as a user must
// see it: exit code 2, one line on standard error starting "optiscope: ", and no `output`.
void checkRefused(const QStringList& argumentLists, const QString& output,
                  const QTemporaryDir& dir);

// Types `text` into a line edit as a user would (select all, type, Enter).
void typeInto(QLineEdit* edit, const QString& text);

}  // namespace optiscope::testing

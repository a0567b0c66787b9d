#pragma once

#include <QString>
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

// Types `text` into a line edit as a user would (select all, type, Enter).
void typeInto(QLineEdit* edit, const QString& text);

}  // namespace optiscope::testing

#pragma once

#include <QString>
#include <functional>

class QLineEdit;

namespace optiscope::testing {

// Processes events until `done` returns true or `timeoutMs` passes; returns `done()`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 5000);

// Types `text` into a line edit as a user would (select all, type, Enter).
void typeInto(QLineEdit* edit, const QString& text);

}  // namespace optiscope::testing

// Catch2 drives the widget tests; Qt needs one QApplication for all of them. Tests run on the
// offscreen platform unless the environment chose another. (Catch2's implementation is in
// catch_runner.cpp.)
#include <QApplication>
#include <clocale>

#include "catch_runner.h"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  // As in optiscope's main: QApplication adopts the user's locale for the C library, whose
  // strtod would then read "0,05" and reject the specs' "0.05".
  std::setlocale(LC_NUMERIC, "C");
  return optiscope::testing::runCatch(argc, argv);
}

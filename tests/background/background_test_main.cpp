// The Qt side of background jobs needs an event loop on the test's thread, not a GUI: one
// QCoreApplication for all the tests, so that they also run in the build without widgets
// (ThreadSanitizer). (Catch2's implementation is in catch_runner.cpp.)
#include <QCoreApplication>

#include "catch_runner.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  return optiscope::testing::runCatch(argc, argv);
}

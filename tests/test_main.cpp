// main() of the core and CLI test programs; Catch2's implementation is in catch_runner.cpp.
#include "catch_runner.h"

int main(int argc, char** argv) { return optiscope::testing::runCatch(argc, argv); }

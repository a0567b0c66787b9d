#pragma once

#include <string>
#include <vector>

namespace optiscope::testing {

// Absolute path of a file under tests/reference/.
std::string referencePath(const std::string& name);

// Reads a whole text file as lines (without '\n'); fails the test if it cannot be read.
std::vector<std::string> readLines(const std::string& path);

// Splits on single spaces, dropping empty items.
std::vector<std::string> splitWords(const std::string& line);

// Parses a double written by Python's float.hex() (or any strtod form), exactly.
double parseHexDouble(const std::string& text);

// Relative difference |a-b| / max(|a|,|b|, tiny) used by the parity tests.
double relativeDifference(double a, double b);

}  // namespace optiscope::testing

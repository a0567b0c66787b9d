#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "core/nn/dataset.h"

namespace optiscope {

inline constexpr int kMaxCsvClasses = 16;

// Reads a dataset from CSV lines `x1,x2,label`. The first line is a header when none of its
// fields is a number (e.g. `x1,x2,label`); blank lines are skipped; Windows line ends and
// spaces around fields are accepted. For classification the labels are integer classes
// 0..15, or Playground's −1 / 1 (read as classes 0 / 1) when the file uses only those two;
// for regression a label is any finite number.
// A bad file throws SpecError "<source> line N: <problem>" (wrong column count, not a number,
// not finite, not an integer class) or "<source>: <problem>" (no data rows, one class only).
Dataset parseCsvDataset(std::istream& in, std::string_view source, TaskKind kind);
// The same from a file; a file that cannot be opened is a SpecError too.
Dataset readCsvDataset(const std::string& path, TaskKind kind);

}  // namespace optiscope

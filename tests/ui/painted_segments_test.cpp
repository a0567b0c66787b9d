#include "ui/landscape/painted_segments.h"

#include <catch2/catch.hpp>

using optiscope::ui::PaintedSegments;

TEST_CASE("a painted segment is painted once, either way round, at half-pixel precision",
          "[ui][paths]") {
  PaintedSegments painted;
  CHECK(painted.insert({10.0, 20.0}, {30.0, 40.0}));
  CHECK_FALSE(painted.insert({10.0, 20.0}, {30.0, 40.0}));
  CHECK_FALSE(painted.insert({30.0, 40.0}, {10.0, 20.0}));  // the same line, drawn back
  CHECK_FALSE(painted.insert({10.1, 20.2}, {29.9, 40.0}));  // within the same half pixels
  CHECK(painted.insert({10.5, 20.0}, {30.0, 40.0}));        // half a pixel off: another line
  CHECK(painted.insert({30.0, 40.0}, {50.0, 60.0}));
  CHECK(painted.size() == 3);
  painted.clear();
  CHECK(painted.insert({10.0, 20.0}, {30.0, 40.0}));
}

TEST_CASE("a segment with an end far off the plot is always painted", "[ui][paths]") {
  // Rounded to 16 bits, two such segments could not be told apart, though their visible
  // parts differ.
  PaintedSegments painted;
  CHECK(painted.insert({10.0, 20.0}, {1e6, 40.0}));
  CHECK(painted.insert({10.0, 20.0}, {1e6, 40.0}));
  CHECK(painted.insert({-1e9, 0.0}, {10.0, 20.0}));
  CHECK(painted.size() == 0);
}

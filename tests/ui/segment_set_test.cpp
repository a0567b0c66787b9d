#include "ui/landscape/segment_set.h"

#include <catch2/catch.hpp>

using optiscope::ui::SegmentSet;
using P = Eigen::Vector2d;

TEST_CASE("a segment is held once, either way round, at half-pixel precision", "[ui][paths]") {
  SegmentSet segments;
  CHECK(segments.insert(P(10.0, 20.0), P(30.0, 40.0)));
  CHECK_FALSE(segments.insert(P(10.0, 20.0), P(30.0, 40.0)));
  CHECK_FALSE(segments.insert(P(30.0, 40.0), P(10.0, 20.0)));  // the same line, drawn back
  CHECK_FALSE(segments.insert(P(10.1, 20.2), P(29.9, 40.0)));  // within the same half pixels
  CHECK(segments.insert(P(10.5, 20.0), P(30.0, 40.0)));        // half a pixel off: another line
  CHECK(segments.insert(P(30.0, 40.0), P(50.0, 60.0)));
  CHECK(segments.size() == 3);
  segments.clear();
  CHECK(segments.insert(P(10.0, 20.0), P(30.0, 40.0)));
}

TEST_CASE("a segment with an end far off the plot is never held", "[ui][paths]") {
  // Rounded to 16 bits, two such segments could not be told apart, though their visible
  // parts differ.
  SegmentSet segments;
  CHECK(segments.insert(P(10.0, 20.0), P(1e6, 40.0)));
  CHECK(segments.insert(P(10.0, 20.0), P(1e6, 40.0)));
  CHECK(segments.insert(P(-1e9, 0.0), P(10.0, 20.0)));
  CHECK(segments.size() == 0);
}

TEST_CASE("a segment within one half-pixel cell is never held", "[ui][paths]") {
  SegmentSet segments;
  CHECK(segments.insert(P(10.1, 20.1), P(10.2, 19.9)));
  CHECK(segments.insert(P(10.1, 20.1), P(10.2, 19.9)));
  CHECK(segments.size() == 0);
}

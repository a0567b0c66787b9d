#pragma once

#include "ui/common/fitted_ticker.h"

namespace optiscope::ui {

// Ticks for a color scale that shows logColorValue(f) = log10(f − floor + offset). The labels
// give f itself, which is what a reader wants to know, at round values of f (1, 2 and 5 times
// a power of ten, and 0): a tick sits where the color is that value's color. Round values
// crowd near the floor on a log bar, so they are placed by priority (powers of ten, then
// fives, then twos), each where its label clears the ones already placed.
class LandscapeLogTicker : public FittedTicker {
 public:
  LandscapeLogTicker(QCPAxis* axis, double floor, double offset)
      : FittedTicker(axis), m_floor(floor), m_offset(offset) {}

  double labelValue(double tick) const override;
  // The bar coordinate of the value f.
  double tickOf(double f) const;

 protected:
  std::vector<QVector<double>> candidates(const QCPRange& range) const override;
  bool placesByPriority() const override { return true; }
  QString label(double tick, const QVector<double>& ticks, const QLocale& locale) const override;

 private:
  double m_floor;
  double m_offset;
};

}  // namespace optiscope::ui

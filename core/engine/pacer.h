#pragma once

#include <chrono>
#include <limits>

namespace optiscope {

// Decides how many engine ticks (one step of every run) are due at a given time for a speed
// in steps per second. Ticks are scheduled on a fixed grid from the moment pacing (re)starts,
// so rounding never accumulates; a worker that fell behind catches up at most `maxBurst`
// worth of time instead of racing through everything it missed.
class Pacer {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr double kUnlimited = std::numeric_limits<double>::infinity();

  // >= 1 steps per second, or kUnlimited.
  void setSpeed(double stepsPerSecond, Clock::time_point now);
  double speed() const { return m_speed; }
  bool unlimited() const { return m_speed == kUnlimited; }

  // Forgets the past: the first tick is due right away (after a pause or an idle spell).
  void restart(Clock::time_point now);

  // Ticks due at `now` that have not been consumed yet; unlimited speed: always "many".
  long long due(Clock::time_point now);
  void consume(long long ticks) { m_consumed += ticks; }
  // When the next tick becomes due (meaningless at unlimited speed).
  Clock::time_point nextTickAt() const;

  static constexpr std::chrono::milliseconds kMaxBurst{100};

 private:
  double m_speed = kUnlimited;
  Clock::time_point m_origin{};
  long long m_consumed = 0;
};

}  // namespace optiscope

#include "core/engine/pacer.h"

#include <cmath>

namespace optiscope {

void Pacer::setSpeed(double stepsPerSecond, Clock::time_point now) {
  m_speed = stepsPerSecond;
  restart(now);
}

void Pacer::restart(Clock::time_point now) {
  m_origin = now;
  m_consumed = 0;
}

long long Pacer::due(Clock::time_point now) {
  if (unlimited()) return std::numeric_limits<long long>::max();
  const double elapsed = std::chrono::duration<double>(now - m_origin).count();
  // Tick k (k = 0, 1, ...) is due at origin + k/speed: the first one immediately.
  const auto scheduled = static_cast<long long>(std::floor(elapsed * m_speed)) + 1;
  const auto maxBurst =
      static_cast<long long>(std::ceil(std::chrono::duration<double>(kMaxBurst).count() * m_speed));
  if (scheduled - m_consumed > maxBurst) m_consumed = scheduled - maxBurst;
  return scheduled > m_consumed ? scheduled - m_consumed : 0;
}

Pacer::Clock::time_point Pacer::nextTickAt() const {
  const std::chrono::duration<double> offset(static_cast<double>(m_consumed) / m_speed);
  // Rounded up: waking a hair early would find nothing due and wait again.
  return m_origin + std::chrono::ceil<Clock::duration>(offset);
}

}  // namespace optiscope

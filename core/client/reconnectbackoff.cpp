// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace mqttscope {

int ReconnectBackoff::nextDelayMs()
{
    const double initial = std::max(0, m_policy.initialDelayMs);
    const double maximum = std::max(m_policy.initialDelayMs, m_policy.maximumDelayMs);
    const double multiplier = std::max(1.0, m_policy.multiplier);
    const double base = std::min(maximum, initial * std::pow(multiplier, m_attempts));
    if (base < maximum)
        ++m_attempts; // stop counting once capped: the power cannot overflow
    const double jitter = std::clamp(m_policy.jitter, 0.0, 1.0);
    const double spread = 1.0 + jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return static_cast<int>(std::lround(std::clamp(base * spread, 0.0, double(INT_MAX))));
}

} // namespace mqttscope

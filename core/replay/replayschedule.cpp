// SPDX-License-Identifier: GPL-3.0-or-later
#include "replay/replayschedule.h"

#include <cmath>

namespace mqttscope {

ReplaySchedule::ReplaySchedule(double speed)
    : m_speed(speed > 0 ? speed : 1.0)
{
}

void ReplaySchedule::start(qint64 firstRecordedUs, qint64 nowUs)
{
    m_started = true;
    m_firstRecordedUs = firstRecordedUs;
    m_startUs = nowUs;
    m_pausedTotalUs = 0;
    m_pausedAtUs = -1;
}

qint64 ReplaySchedule::dueUs(qint64 recordedUs) const
{
    // A message recorded before the first (clocks do step back) is due at once.
    const qint64 offset = qMax<qint64>(0, recordedUs - m_firstRecordedUs);
    return m_startUs + m_pausedTotalUs + std::llround(double(offset) / m_speed);
}

void ReplaySchedule::pause(qint64 nowUs)
{
    if (!isPaused())
        m_pausedAtUs = nowUs;
}

void ReplaySchedule::resume(qint64 nowUs)
{
    if (!isPaused())
        return;
    m_pausedTotalUs += nowUs - m_pausedAtUs;
    m_pausedAtUs = -1;
}

qint64 ReplaySchedule::remainingUs(qint64 lastRecordedUs, qint64 nowUs) const
{
    const qint64 now = isPaused() ? m_pausedAtUs : nowUs;
    return qMax<qint64>(0, dueUs(lastRecordedUs) - now);
}

} // namespace mqttscope

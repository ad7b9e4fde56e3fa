// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace mqttscope {

// When each recorded message is due, on a steady clock that starts with the replay: every due
// time is computed from the start, never from the previous send, so lateness does not add up.
// A pause shifts what follows by its length. Times in µs; a pure value, tested alone.
class ReplaySchedule
{
public:
    explicit ReplaySchedule(double speed = 1.0);

    // The first message's recorded time is due at `nowUs`.
    void start(qint64 firstRecordedUs, qint64 nowUs);
    bool isStarted() const { return m_started; }
    qint64 dueUs(qint64 recordedUs) const;
    void pause(qint64 nowUs);
    void resume(qint64 nowUs);
    bool isPaused() const { return m_pausedAtUs >= 0; }
    // Replay time left until the message recorded at `lastRecordedUs` is due, from `nowUs`.
    qint64 remainingUs(qint64 lastRecordedUs, qint64 nowUs) const;

private:
    double m_speed;
    bool m_started = false;
    qint64 m_firstRecordedUs = 0;
    qint64 m_startUs = 0;
    qint64 m_pausedTotalUs = 0;
    qint64 m_pausedAtUs = -1;
};

} // namespace mqttscope

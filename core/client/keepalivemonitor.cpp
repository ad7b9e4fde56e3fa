// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/keepalivemonitor.h"

#include <QTimer>

#include <algorithm>

namespace mqttscope {

namespace {
constexpr int kMinimumAnswerTimeoutMs = 1000;
}

KeepAliveMonitor::KeepAliveMonitor(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    // A coarse timer may fire 5% late; the broker allows 1.5 x keepalive, so precision matters
    // for short intervals.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &KeepAliveMonitor::onTimer);
    m_clock.start();
}

void KeepAliveMonitor::start(int keepAliveSeconds)
{
    stop();
    if (keepAliveSeconds <= 0)
        return;
    m_intervalMs = qint64(keepAliveSeconds) * 1000;
    m_answerTimeoutMs = std::max<int>(kMinimumAnswerTimeoutMs, int(m_intervalMs / 2));
    const qint64 now = m_clock.elapsed();
    m_lastSent = now;
    m_lastReceived = now;
    arm(now);
}

void KeepAliveMonitor::stop()
{
    m_timer->stop();
    m_intervalMs = 0;
    m_pingOutstanding = false;
}

void KeepAliveMonitor::notePingResponse()
{
    if (!m_pingOutstanding)
        return;
    m_pingOutstanding = false;
    emit roundTrip(int(m_clock.elapsed() - m_pingSentAt));
}

void KeepAliveMonitor::setReceivePaused(bool paused)
{
    m_receivePaused = paused;
    if (paused || m_intervalMs == 0)
        return;
    noteReceived();
    arm(m_clock.elapsed());
}

void KeepAliveMonitor::onTimer()
{
    if (m_intervalMs == 0)
        return;
    const qint64 now = m_clock.elapsed();
    if (awaitingAnswer() && now - m_pingSentAt >= m_answerTimeoutMs) {
        const qint64 silent = now - m_lastReceived;
        stop();
        emit connectionDead(int(silent));
        return;
    }
    const bool idle = now - m_lastSent >= m_intervalMs
        || (!m_receivePaused && now - m_lastReceived >= m_intervalMs);
    if (idle && !awaitingAnswer()) {
        m_pingSentAt = now;
        m_pingOutstanding = true;
        m_lastSent = now; // the ping itself; the owner's noteSent() confirms it
        emit pingDue();
        if (m_intervalMs == 0) // stopped by a slot
            return;
    }
    arm(now);
}

void KeepAliveMonitor::arm(qint64 now)
{
    qint64 deadline = m_lastSent + m_intervalMs;
    if (awaitingAnswer())
        deadline = std::min(deadline, m_pingSentAt + m_answerTimeoutMs);
    else if (!m_receivePaused)
        deadline = std::min(deadline, m_lastReceived + m_intervalMs);
    m_timer->start(int(std::max<qint64>(1, deadline - now)));
}

} // namespace mqttscope

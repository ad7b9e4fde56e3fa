// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace mqttscope {

// Decides when to send PINGREQ and when a connection is dead. A ping is due when nothing was
// sent, or nothing received, for the keepalive interval [MQTT-3.1.2-23]; the connection is dead
// when, after a ping, not a single byte arrives within the answer timeout. Any bytes count as
// life: a PINGRESP queued behind a burst of messages must not kill a busy connection.
//
// One precise timer, re-armed for the earliest deadline each time it fires. noteSent() and
// noteReceived() only move time stamps forward, so they never need to touch the timer and
// cost one clock read each.
class KeepAliveMonitor : public QObject
{
    Q_OBJECT
public:
    explicit KeepAliveMonitor(QObject *parent = nullptr);

    // Starts watching with the keepalive in seconds (0 = off). The answer timeout is half the
    // interval, at least one second.
    void start(int keepAliveSeconds);
    void stop();
    void noteSent() { m_lastSent = m_clock.elapsed(); }
    void noteReceived() { m_lastReceived = m_clock.elapsed(); }
    // A PINGRESP arrived; emits roundTrip for the outstanding ping.
    void notePingResponse();
    // While the owner leaves received bytes unread (flow control), silence proves nothing: pings
    // are still sent when due, but the connection is not declared dead. Resuming counts as
    // hearing from the server, since the unread bytes were there all along.
    void setReceivePaused(bool paused);
    int answerTimeoutMs() const { return m_answerTimeoutMs; }

signals:
    void pingDue();
    void roundTrip(int milliseconds);
    void connectionDead(int silentMilliseconds);

private:
    void onTimer();
    void arm(qint64 now);
    bool awaitingAnswer() const
    {
        return !m_receivePaused && m_pingOutstanding && m_lastReceived <= m_pingSentAt;
    }

    QTimer *m_timer;
    QElapsedTimer m_clock;
    qint64 m_intervalMs = 0;
    int m_answerTimeoutMs = 0;
    qint64 m_lastSent = 0;
    qint64 m_lastReceived = 0;
    qint64 m_pingSentAt = 0;
    bool m_pingOutstanding = false;
    bool m_receivePaused = false;
};

} // namespace mqttscope

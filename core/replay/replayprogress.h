// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mqttscope {

enum class ReplayState {
    Idle, // not started
    WaitingForConnection, // started, the client not yet connected
    Running,
    Paused,
    Draining, // everything sent, waiting for the last acks
    Finished, // see ReplaySummary
};

// Where a replay stands, as the Replayer reports it (at most ten times a second, and on every
// change of state).
struct ReplayProgress
{
    ReplayState state = ReplayState::Idle;
    qint64 total = 0; // messages in the source, both directions
    qint64 considered = 0; // of them read: sent or skipped
    qint64 skipped = 0; // not replayed (the direction not chosen)
    qint64 sent = 0; // handed to the client
    qint64 acknowledged = 0; // PUBACK/PUBCOMP with success, or written for QoS 0
    qint64 failed = 0; // refused by the client or the broker
    qint64 elapsedMs = 0; // since the first message, pauses included
    qint64 remainingMs = -1; // estimated; -1 when not known yet

    qint64 unfinished() const { return sent - acknowledged - failed; }
    double fraction() const { return total > 0 ? double(considered) / double(total) : 1.0; }
};

// A message that was not acknowledged, and why.
struct ReplayFailure
{
    qint64 recordedId = 0; // RecordedMessage::id
    QByteArray topic; // as published (after the rewrite)
    QString reason; // the client's or the broker's words, with the reason code
};

// What a finished replay did.
struct ReplaySummary
{
    ReplayProgress progress;
    // The first failures (at most maximumListedFailures; progress.failed counts them all).
    QList<ReplayFailure> failures;
    bool stopped = false; // by stop(), before the end
    QString error; // why it ended early: the source could not be read, the connection ended

    // Every message of the source chosen was sent and acknowledged.
    bool succeeded() const
    {
        return !stopped && error.isEmpty() && progress.failed == 0
            && progress.acknowledged == progress.sent;
    }

    static constexpr int maximumListedFailures = 1000;
};

// When one message was due and when it was handed to the client, in µs on the replay's steady
// clock (0 at the start).
struct ReplayTiming
{
    qint64 scheduledUs = 0;
    qint64 sentUs = 0;
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::ReplayProgress)
Q_DECLARE_METATYPE(mqttscope::ReplaySummary)

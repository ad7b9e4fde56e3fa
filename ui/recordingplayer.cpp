// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingplayer.h"

#include "recording/recordingreader.h"

namespace mqttscope {

RecordingPlayer::RecordingPlayer(const RecordingReader *reader, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
{
    m_timer.setInterval(tickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RecordingPlayer::tick);
    m_endUs = reader->summary().lastTimeUs;
}

QList<Message> RecordingPlayer::messagesOf(const QList<RecordedMessage> &recorded)
{
    QList<Message> messages;
    messages.reserve(recorded.size());
    for (const RecordedMessage &r : recorded) {
        Message &m = messages.emplace_back(r.message);
        m.receivedMsecsSinceEpoch = r.timeUs / 1000;
    }
    return messages;
}

void RecordingPlayer::seek(qint64 us)
{
    m_position = us;
    m_lastId = m_reader->idBefore(us + 1); // messages at `us` belong to the state shown
    restartClock();
    emit positionChanged(us);
}

void RecordingPlayer::play()
{
    if (isPlaying())
        return;
    m_endUs = m_reader->summary().lastTimeUs; // a file still being written grows
    restartClock();
    m_timer.start();
    emit playingChanged(true);
}

void RecordingPlayer::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void RecordingPlayer::setSpeed(int speed)
{
    restartClock(); // the time played so far stays played at the old speed
    m_speed = qMax(1, speed);
}

void RecordingPlayer::restartClock()
{
    m_anchorUs = m_position;
    m_clock.start();
}

void RecordingPlayer::tick()
{
    const qint64 target = m_anchorUs + m_clock.nsecsElapsed() / 1000 * m_speed;
    const QList<RecordedMessage> batch = m_reader->messagesAfter(m_lastId, target, maximumPerTick);
    const bool behind = batch.size() >= maximumPerTick;
    if (!batch.isEmpty())
        m_lastId = batch.last().id;
    if (behind) { // the file is denser than a tick carries: go on from what was played
        m_position = batch.last().timeUs;
        restartClock();
    } else {
        m_position = qMin(target, m_endUs);
    }
    if (!batch.isEmpty())
        emit messagesPlayed(messagesOf(batch));
    emit positionChanged(m_position);
    if (!behind && m_position >= m_endUs)
        pause();
}

} // namespace mqttscope

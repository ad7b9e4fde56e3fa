// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"
#include "recording/recordedmessage.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace mqttscope {

class RecordingReader;

// Plays a recording from a moment on, at its own pace times a speed: every tick it reads the
// messages whose time has come (RecordingReader::messagesAfter, at most maximumPerTick) and
// hands them on in file order, the way a connection hands on what it receives. Work per tick is
// bounded: when the file holds more than a tick can carry, the position follows what was played
// rather than the clock. No widgets.
class RecordingPlayer : public QObject
{
    Q_OBJECT
public:
    static constexpr int tickMs = 40;
    // 100,000 messages a second at most: twice the flood the window is measured under, so the
    // GUI thread's work per tick stays that of a busy live connection.
    static constexpr int maximumPerTick = 4000;

    explicit RecordingPlayer(const RecordingReader *reader, QObject *parent = nullptr);

    // The messages of a recording as a connection hands them on (time in ms, as received).
    static QList<Message> messagesOf(const QList<RecordedMessage> &recorded);

    // The state up to `us` is shown elsewhere: the next message played is the first after it.
    void seek(qint64 us);
    qint64 position() const { return m_position; }
    qint64 endUs() const { return m_endUs; }

    void play();
    void pause();
    bool isPlaying() const { return m_timer.isActive(); }
    int speed() const { return m_speed; }
    void setSpeed(int speed); // 1, 10, 100: times the recorded pace

signals:
    void messagesPlayed(const QList<mqttscope::Message> &messages);
    void positionChanged(qint64 us);
    void playingChanged(bool playing);

private:
    void tick();
    void restartClock();

    const RecordingReader *m_reader;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_anchorUs = 0; // the position when m_clock started
    qint64 m_position = 0;
    qint64 m_lastId = 0; // of the last message played (or shown as state)
    qint64 m_endUs = 0;
    int m_speed = 1;
};

} // namespace mqttscope

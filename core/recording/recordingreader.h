// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordedmessage.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace mqttscope {

// Reads a recording file in place (never copied, never loaded whole): opening costs the same
// for ten messages and ten million. One reader per thread; open another for a background job.
// A file still being written (by this or another process) can be read; what is committed shows.
class RecordingReader
{
public:
    struct Summary
    {
        qint64 messageCount = 0;
        qint64 topicCount = 0;
        qint64 firstTimeUs = 0;
        qint64 lastTimeUs = 0;
        qint64 firstId = 0;
        qint64 lastId = 0;
        QMap<QString, QString> metadata;
    };
    struct Topic
    {
        qint64 id = 0;
        QByteArray name;
    };
    // The message rate over the file's time span, for a timeline.
    struct RateBucket
    {
        qint64 startUs = 0;
        qint64 messages = 0;
        qint64 bytes = 0;
    };

    // Null, with `error` saying why, when the file does not exist or is not a recording.
    static std::unique_ptr<RecordingReader> open(const QString &path, QString *error);
    ~RecordingReader();

    QString path() const;
    Summary summary() const; // re-read on every call: a growing file shows its growth
    QList<Topic> topics() const;
    QList<RateBucket> rate(int buckets) const; // `buckets` equal spans from first to last

    // The latest message of every topic at or before `timeUs` (one per topic, retained or not).
    QList<RecordedMessage> stateAt(qint64 timeUs) const;
    // A topic's messages in [fromUs, toUs], oldest first, at most `limit` (the newest ones when
    // there are more).
    QList<RecordedMessage> topicMessages(qint64 topicId, qint64 fromUs, qint64 toUs,
                                         int limit) const;
    // Messages in file order with id > `afterId` and time <= `toUs`, at most `limit`: walks the
    // file a batch at a time (playing, replaying, searching, exporting).
    QList<RecordedMessage> messagesAfter(qint64 afterId, qint64 toUs, int limit) const;
    // The id just before the first message at or after `timeUs`: messagesAfter(idBefore(t), ...)
    // starts at t.
    qint64 idBefore(qint64 timeUs) const;

    sqlite3 *handle() const; // for queries of a search that SQL answers faster

private:
    RecordingReader();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"
#include "recording/recordingoptions.h"
#include "recording/recordingstatus.h"

#include <QList>
#include <QObject>

#include <memory>

namespace mqttscope {

class RecordingWriterPrivate;

// Writes messages to a recording file (SQLite, WAL, schema in docs/recording.md) on a thread of
// its own, in batches, so neither the network nor the GUI waits for the disk. What has been
// committed is readable at any moment, by this process or another, and survives a crash or kill.
//
// record*() may be called from any thread: they hand the (implicitly shared) messages over and
// return at once.
class RecordingWriter : public QObject
{
    Q_OBJECT
public:
    explicit RecordingWriter(QObject *parent = nullptr);
    ~RecordingWriter() override; // stops and commits what is pending

    // Creates `path` (a new file, or an existing recording to append to) and starts recording.
    // False, with `error` saying why, when the file cannot be created or is not a recording.
    bool start(const QString &path, const RecordingOptions &options, QString *error);
    void stop(); // commits what is pending; blocks until it is on disk

    // Received messages, timestamped by their receivedMsecsSinceEpoch; those outside the
    // options' topic filters are skipped.
    void recordReceived(const QList<mqttscope::Message> &messages);
    // What this connection published, timestamped now.
    void recordPublished(const mqttscope::Message &message);

    RecordingStatus status() const; // thread-safe
    QString path() const;
    // Messages handed over but not yet committed (thread-safe): a producer faster than the disk
    // uses it to pause its source, so nothing is dropped.
    qint64 pendingMessages() const;

signals:
    // After each commit (at most every 250 ms, and always when nothing is left pending) and on
    // every state change; emitted from the writer's thread.
    void statusChanged(const mqttscope::RecordingStatus &status);

private:
    std::unique_ptr<RecordingWriterPrivate> d;
};

} // namespace mqttscope

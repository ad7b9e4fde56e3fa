// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordedmessage.h"
#include "recording/recordingoptions.h"
#include "sqlitestatement.h"

#include <QHash>
#include <QList>
#include <QString>

struct sqlite3;

namespace mqttscope {

// The SQLite side of RecordingWriter, used on its thread only: appends batches of messages to a
// recording file in one transaction each, interns topics, keeps the `seconds` table and the size
// budget.
class RecordingAppender
{
public:
    enum class Outcome {
        Written, // the whole batch is committed
        BudgetReached, // WhenFull::Stop: what fitted is committed, the rest is not written
        Failed, // nothing of the batch is committed; error() says why
    };

    RecordingAppender() = default;
    ~RecordingAppender();
    RecordingAppender(const RecordingAppender &) = delete;
    RecordingAppender &operator=(const RecordingAppender &) = delete;

    // Creates `path`, or opens the recording there to append to it.
    bool open(const QString &path, const RecordingOptions &options, QString *error);
    // Appends `messages` (whose id is ignored: the file numbers them).
    Outcome append(const QList<RecordedMessage> &messages);

    qint64 messagesWritten() const { return m_written; } // in this session
    qint64 messagesDropped() const { return m_dropped; }
    qint64 fileBytes() const; // the database's size (what the file holds once checkpointed)
    QString error() const { return m_error; }

private:
    struct SecondTotals
    {
        qint64 messages = 0;
        qint64 bytes = 0;
    };

    bool configure(QString *error);
    bool prepare(QString *error);
    bool loadState(QString *error);
    bool writeMetadata(const RecordingOptions &options, QString *error);
    bool insert(const RecordedMessage &message);
    qint64 topicId(const QByteArray &topic);
    bool flushSeconds();
    // Whether `need` more bytes fit in the budget, dropping the oldest messages to make room
    // when the options say so. False with m_error empty: the budget is reached.
    bool makeRoom(qint64 need);
    bool dropOldest();
    Outcome fail();
    Outcome commit(Outcome outcome);

    sqlite3 *m_db = nullptr;
    QString m_path;
    RecordingOptions m_options;
    QString m_error;
    QHash<QByteArray, qint64> m_topics;
    QHash<qint64, SecondTotals> m_seconds; // of the open transaction, written at its commit
    qint64 m_lastId = 0;
    qint64 m_oldestId = 0;
    qint64 m_pageSize = 4096;
    qint64 m_roomLeft = 0; // bytes that surely fit before the next look at the file's size
    qint64 m_written = 0;
    qint64 m_dropped = 0;
    SqliteStatement m_insertMessage;
    SqliteStatement m_insertTopic;
    SqliteStatement m_addSecond;
    mutable SqliteStatement m_pageCount; // read by fileBytes()
    SqliteStatement m_freePages;
    SqliteStatement m_oldestSeconds;
    SqliteStatement m_subtractSecond;
    SqliteStatement m_deleteOldest;
    SqliteStatement m_minId;
};

} // namespace mqttscope

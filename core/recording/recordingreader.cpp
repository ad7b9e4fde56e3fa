// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingreader.h"

#include "messagejson.h"
#include "recordingschema.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>

namespace mqttscope {

namespace {

// The columns readRow() takes, in its order.
#define MESSAGE_COLUMNS                                                                            \
    "m.id, m.time_us, t.name, m.direction, m.qos, m.retain, m.dup, m.payload, m.properties "
#define FROM_MESSAGES "FROM messages m JOIN topics t ON t.id = m.topic_id "

QByteArray columnBytes(sqlite3_stmt *statement, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
    return QByteArray(data, sqlite3_column_bytes(statement, column));
}

RecordedMessage readRow(sqlite3_stmt *statement)
{
    RecordedMessage recorded;
    recorded.id = sqlite3_column_int64(statement, 0);
    recorded.timeUs = sqlite3_column_int64(statement, 1);
    recorded.direction = RecordedMessage::Direction(sqlite3_column_int(statement, 3));
    Message &message = recorded.message;
    message.topic = columnBytes(statement, 2);
    message.qos = quint8(sqlite3_column_int(statement, 4));
    message.retain = sqlite3_column_int(statement, 5) != 0;
    message.dup = sqlite3_column_int(statement, 6) != 0;
    message.payload = columnBytes(statement, 7);
    if (sqlite3_column_type(statement, 8) != SQLITE_NULL) {
        // The writer wrote it; a file edited by hand into nonsense reads as no properties.
        if (auto properties = MessageJson::propertiesFromJson(columnBytes(statement, 8), nullptr))
            message.properties = std::move(*properties);
    }
    message.receivedMsecsSinceEpoch = recorded.timeUs / 1000;
    return recorded;
}

QList<RecordedMessage> readRows(SqliteStatement &statement, qint64 toUs = -1)
{
    QList<RecordedMessage> messages;
    while (statement.step() == SQLITE_ROW) {
        if (toUs >= 0 && sqlite3_column_int64(statement.get(), 1) > toUs)
            break;
        messages.append(readRow(statement.get()));
    }
    statement.reset();
    return messages;
}

} // namespace

struct RecordingReader::Private
{
    sqlite3 *db = nullptr;
    QString path;
    // Prepared once: a timeline or a replay asks again and again.
    SqliteStatement stateAt;
    SqliteStatement topicMessages;
    SqliteStatement messagesAfter;
    SqliteStatement idBefore;

    ~Private()
    {
        stateAt = {};
        topicMessages = {};
        messagesAfter = {};
        idBefore = {};
        sqlite3_close_v2(db);
    }
    qint64 integer(const char *sql) const { return SqliteStatement(db, sql).integer(); }
};

RecordingReader::RecordingReader()
    : d(std::make_unique<Private>())
{
}

RecordingReader::~RecordingReader() = default;

std::unique_ptr<RecordingReader> RecordingReader::open(const QString &path, QString *error)
{
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return nullptr;
    };
    const QString name = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile())
        return failed(
            QCoreApplication::translate("RecordingReader", "%1 does not exist").arg(name));
    std::unique_ptr<RecordingReader> reader(new RecordingReader);
    Private &d = *reader->d;
    d.path = path;
    if (sqlite3_open_v2(path.toUtf8().constData(), &d.db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        return failed(QCoreApplication::translate("RecordingReader", "Cannot open %1: %2")
                          .arg(name, sqliteError(d.db)));
    }
    sqlite3_busy_timeout(d.db, 5000);
    if (const QString problem = RecordingSchema::problem(d.db, path); !problem.isEmpty())
        return failed(problem);
    d.stateAt = SqliteStatement(
        // Topics outside (CROSS JOIN keeps that order): one index seek per topic.
        d.db,
        "SELECT " MESSAGE_COLUMNS "FROM topics t CROSS JOIN messages m "
        "WHERE m.id = (SELECT id FROM messages WHERE topic_id = t.id AND time_us <= ?1 "
        "ORDER BY time_us DESC, id DESC LIMIT 1) ORDER BY t.id");
    d.topicMessages = SqliteStatement(d.db,
                                      "SELECT * FROM (SELECT " MESSAGE_COLUMNS FROM_MESSAGES
                                      "WHERE m.topic_id = ?1 AND m.time_us BETWEEN ?2 AND ?3 "
                                      "ORDER BY m.time_us DESC, m.id DESC LIMIT ?4) ORDER BY 2, 1");
    d.messagesAfter = SqliteStatement(
        d.db, "SELECT " MESSAGE_COLUMNS FROM_MESSAGES "WHERE m.id > ?1 ORDER BY m.id LIMIT ?2");
    d.idBefore = SqliteStatement(
        d.db, "SELECT id FROM messages WHERE time_us >= ?1 ORDER BY time_us, id LIMIT 1");
    if (!d.stateAt.isValid() || !d.topicMessages.isValid() || !d.messagesAfter.isValid()
        || !d.idBefore.isValid()) {
        return failed(QCoreApplication::translate("RecordingReader", "Cannot read %1: %2")
                          .arg(name, sqliteError(d.db)));
    }
    return reader;
}

QString RecordingReader::path() const
{
    return d->path;
}

RecordingReader::Summary RecordingReader::summary() const
{
    // Every figure from an index's ends, none from a count: the cost does not grow with the file.
    Summary summary;
    summary.firstId = d->integer("SELECT min(id) FROM messages");
    summary.lastId = d->integer("SELECT max(id) FROM messages");
    // The writer numbers messages in order and drops only the oldest, so the ids are contiguous.
    summary.messageCount = summary.lastId ? summary.lastId - summary.firstId + 1 : 0;
    summary.topicCount = d->integer("SELECT max(id) FROM topics"); // topics are never deleted
    summary.firstTimeUs = d->integer("SELECT min(time_us) FROM messages");
    summary.lastTimeUs = d->integer("SELECT max(time_us) FROM messages");
    SqliteStatement meta(d->db, "SELECT key, value FROM meta");
    while (meta.step() == SQLITE_ROW) {
        summary.metadata.insert(QString::fromUtf8(columnBytes(meta.get(), 0)),
                                QString::fromUtf8(columnBytes(meta.get(), 1)));
    }
    return summary;
}

QList<RecordingReader::Topic> RecordingReader::topics() const
{
    QList<Topic> topics;
    SqliteStatement statement(d->db, "SELECT id, name FROM topics ORDER BY id");
    while (statement.step() == SQLITE_ROW)
        topics.append({sqlite3_column_int64(statement.get(), 0), columnBytes(statement.get(), 1)});
    return topics;
}

QList<RecordingReader::RateBucket> RecordingReader::rate(int buckets) const
{
    const qint64 firstUs = d->integer("SELECT min(time_us) FROM messages");
    const qint64 lastUs = d->integer("SELECT max(time_us) FROM messages");
    if (buckets <= 0 || lastUs < firstUs || !d->integer("SELECT max(id) FROM messages"))
        return {};
    const qint64 spanUs = (lastUs - firstUs + 1 + buckets - 1) / buckets;
    QList<RateBucket> rate(buckets);
    for (int i = 0; i < buckets; ++i)
        rate[i].startUs = firstUs + i * spanUs;
    // The seconds table, not the messages: one row per second of the recording.
    SqliteStatement seconds(d->db, "SELECT second, messages, bytes FROM seconds");
    while (seconds.step() == SQLITE_ROW) {
        const qint64 startUs = std::max(sqlite3_column_int64(seconds.get(), 0) * 1000000, firstUs);
        RateBucket &bucket = rate[std::clamp<qint64>((startUs - firstUs) / spanUs, 0, buckets - 1)];
        bucket.messages += sqlite3_column_int64(seconds.get(), 1);
        bucket.bytes += sqlite3_column_int64(seconds.get(), 2);
    }
    return rate;
}

QList<RecordedMessage> RecordingReader::stateAt(qint64 timeUs) const
{
    sqlite3_bind_int64(d->stateAt.get(), 1, timeUs);
    return readRows(d->stateAt);
}

QList<RecordedMessage> RecordingReader::topicMessages(qint64 topicId, qint64 fromUs, qint64 toUs,
                                                      int limit) const
{
    sqlite3_stmt *statement = d->topicMessages.get();
    sqlite3_bind_int64(statement, 1, topicId);
    sqlite3_bind_int64(statement, 2, fromUs);
    sqlite3_bind_int64(statement, 3, toUs);
    sqlite3_bind_int(statement, 4, limit);
    return readRows(d->topicMessages);
}

QList<RecordedMessage> RecordingReader::messagesAfter(qint64 afterId, qint64 toUs, int limit) const
{
    sqlite3_bind_int64(d->messagesAfter.get(), 1, afterId);
    sqlite3_bind_int(d->messagesAfter.get(), 2, limit);
    return readRows(d->messagesAfter, toUs);
}

qint64 RecordingReader::idBefore(qint64 timeUs) const
{
    sqlite3_bind_int64(d->idBefore.get(), 1, timeUs);
    const qint64 id = d->idBefore.integer(-1);
    sqlite3_clear_bindings(d->idBefore.get());
    return id < 0 ? d->integer("SELECT max(id) FROM messages") : id - 1;
}

sqlite3 *RecordingReader::handle() const
{
    return d->db;
}

} // namespace mqttscope

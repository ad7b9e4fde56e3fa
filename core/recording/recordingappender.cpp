// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingappender.h"

#include "messagejson.h"
#include "recordingschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

#include <QFileInfo>

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("RecordingWriter", text);
}

// What a message costs in the file beyond its payload and properties, generously: the row's
// header and the entries of two indexes. Budget checks count with it.
constexpr qint64 rowOverhead = 100;

void bindBytes(sqlite3_stmt *statement, int index, const QByteArray &bytes)
{
    if (bytes.isEmpty()) // a null pointer would bind NULL, and payload is NOT NULL
        sqlite3_bind_zeroblob(statement, index, 0);
    else
        sqlite3_bind_blob(statement, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

// SQLite often loses errno on a failed write (it retries the rest of a short write, and errno is
// gone by the time it reports), so the likely causes are looked at afterwards: a full device or
// the file size limit (ulimit -f). Empty when neither shows.
QString likelyWriteCause(const QString &path)
{
    struct statvfs device
    {
    };
    const QByteArray folder = QFileInfo(path).absolutePath().toLocal8Bit();
    if (statvfs(folder.constData(), &device) == 0
        && qint64(device.f_bavail) * qint64(device.f_frsize) < (qint64(1) << 20)) {
        return translate("no space left on the device");
    }
    struct rlimit limit
    {
    };
    if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const qint64 largest =
            std::max(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
        if (largest + 65536 >= qint64(limit.rlim_cur)) {
            return translate("the file size limit of this process (ulimit -f, %1 bytes) is reached")
                .arg(qint64(limit.rlim_cur));
        }
    }
    return {};
}

} // namespace

RecordingAppender::~RecordingAppender()
{
    // Statements first: a connection with statements left is closed only once they go.
    m_insertMessage = {};
    m_insertTopic = {};
    m_addSecond = {};
    m_pageCount = {};
    m_freePages = {};
    m_oldestSeconds = {};
    m_subtractSecond = {};
    m_deleteOldest = {};
    m_minId = {};
    sqlite3_close_v2(m_db); // checkpoints the WAL into the file and removes it
}

bool RecordingAppender::open(const QString &path, const RecordingOptions &options, QString *error)
{
    m_path = path;
    m_options = options;
    const QString name = QDir::toNativeSeparators(path);
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        *error = translate("Cannot create %1: %2").arg(name, sqliteError(m_db));
        return false;
    }
    const bool isNew = RecordingSchema::isEmpty(m_db);
    if (!isNew) {
        if (QString problem = RecordingSchema::problem(m_db, path); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }
    QString why;
    if (!configure(&why) || (isNew && !RecordingSchema::create(m_db, &why)) || !prepare(&why)
        || !loadState(&why) || !writeMetadata(options, &why)) {
        *error = translate("Cannot write to %1: %2").arg(name, why);
        return false;
    }
    return true;
}

bool RecordingAppender::configure(QString *error)
{
    sqlite3_busy_timeout(m_db, 5000);
    SqliteStatement wal(m_db, "PRAGMA journal_mode = WAL");
    if (!wal.isValid() || wal.step() != SQLITE_ROW) {
        *error = sqliteError(m_db);
        return false;
    }
    // The WAL and synchronous=NORMAL: a commit is one append to the log without an fsync, and
    // survives a crash or kill of the process (only a power cut may lose the last commits).
    // The WAL file is cut back to 64 MiB after a checkpoint; otherwise it keeps the size of the
    // largest moment of the recording.
    return sqliteExecute(m_db,
                         "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; "
                         "PRAGMA journal_size_limit = 67108864;",
                         error);
}

bool RecordingAppender::prepare(QString *error)
{
    const auto make = [&](SqliteStatement &statement, const char *sql) {
        statement = SqliteStatement(m_db, sql);
        return statement.isValid();
    };
    const bool ok = make(m_insertMessage,
                         "INSERT INTO messages (id, time_us, topic_id, direction, qos, retain, "
                         "dup, payload, properties) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        && make(m_insertTopic, "INSERT INTO topics (name) VALUES (?1)")
        && make(m_addSecond,
                "INSERT INTO seconds (second, messages, bytes) VALUES (?1, ?2, ?3) ON CONFLICT "
                "(second) DO UPDATE SET messages = messages + excluded.messages, "
                "bytes = bytes + excluded.bytes")
        && make(m_pageCount, "PRAGMA page_count") && make(m_freePages, "PRAGMA freelist_count")
        && make(m_oldestSeconds,
                "SELECT time_us / 1000000, count(*), sum(length(payload)) FROM messages "
                "WHERE id < ?1 GROUP BY 1")
        && make(m_subtractSecond,
                "UPDATE seconds SET messages = messages - ?2, bytes = bytes - ?3 WHERE second = ?1")
        && make(m_deleteOldest, "DELETE FROM messages WHERE id < ?1")
        && make(m_minId, "SELECT min(id) FROM messages");
    if (!ok)
        *error = sqliteError(m_db);
    return ok;
}

bool RecordingAppender::loadState(QString *error)
{
    SqliteStatement topics(m_db, "SELECT id, name FROM topics");
    SqliteStatement lastId(m_db, "SELECT max(id) FROM messages");
    SqliteStatement pageSize(m_db, "PRAGMA page_size");
    if (!topics.isValid() || !lastId.isValid() || !pageSize.isValid()) {
        *error = sqliteError(m_db);
        return false;
    }
    while (topics.step() == SQLITE_ROW) {
        const auto *name = static_cast<const char *>(sqlite3_column_blob(topics.get(), 1));
        m_topics.insert(QByteArray(name, sqlite3_column_bytes(topics.get(), 1)),
                        sqlite3_column_int64(topics.get(), 0));
    }
    m_lastId = lastId.integer();
    m_oldestId = m_minId.integer(m_lastId + 1);
    m_pageSize = pageSize.integer(4096);
    return true;
}

bool RecordingAppender::writeMetadata(const RecordingOptions &options, QString *error)
{
    SqliteStatement keep(m_db, "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)");
    SqliteStatement replace(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    const auto put = [&](SqliteStatement &statement, const QString &key, const QString &value) {
        const QByteArray k = key.toUtf8();
        const QByteArray v = value.toUtf8();
        sqlite3_bind_text(statement.get(), 1, k.constData(), int(k.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(statement.get(), 2, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return statement.run();
    };
    bool ok = keep.isValid() && replace.isValid()
        && put(keep, u"format_version"_s, QString::number(RecordingSchema::formatVersion))
        && put(keep, u"created"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        && put(replace, u"application"_s, u"mqttscope " MQTTSCOPE_VERSION ""_s)
        && put(replace, u"topic_filters"_s, options.topicFilters.join(u'\n'));
    for (auto it = options.metadata.begin(); ok && it != options.metadata.end(); ++it)
        ok = put(replace, it.key(), it.value());
    if (!ok)
        *error = sqliteError(m_db);
    return ok;
}

RecordingAppender::Outcome RecordingAppender::append(const QList<RecordedMessage> &messages)
{
    if (!sqliteExecute(m_db, "BEGIN", nullptr))
        return fail();
    qint64 inserted = 0;
    for (const RecordedMessage &message : messages) {
        if (!insert(message)) {
            if (!m_error.isEmpty())
                return fail();
            m_written += inserted;
            return commit(Outcome::BudgetReached);
        }
        ++inserted;
    }
    const Outcome outcome = commit(Outcome::Written);
    if (outcome == Outcome::Written)
        m_written += inserted;
    return outcome;
}

bool RecordingAppender::insert(const RecordedMessage &recorded)
{
    const Message &message = recorded.message;
    const QByteArray properties = MessageJson::propertiesToJson(message.properties);
    if (!makeRoom(message.payload.size() + properties.size() + message.topic.size() + rowOverhead))
        return false;
    const qint64 topic = topicId(message.topic);
    if (!topic)
        return false;
    sqlite3_stmt *statement = m_insertMessage.get();
    sqlite3_bind_int64(statement, 1, m_lastId + 1);
    sqlite3_bind_int64(statement, 2, recorded.timeUs);
    sqlite3_bind_int64(statement, 3, topic);
    sqlite3_bind_int(statement, 4, int(recorded.direction));
    sqlite3_bind_int(statement, 5, message.qos);
    sqlite3_bind_int(statement, 6, message.retain);
    sqlite3_bind_int(statement, 7, message.dup);
    bindBytes(statement, 8, message.payload);
    if (properties.isEmpty())
        sqlite3_bind_null(statement, 9);
    else
        sqlite3_bind_text(statement, 9, properties.constData(), int(properties.size()),
                          SQLITE_STATIC);
    const int result = m_insertMessage.step();
    m_insertMessage.reset();
    if (result != SQLITE_DONE) {
        m_error = sqliteError(m_db);
        return false;
    }
    ++m_lastId;
    SecondTotals &second = m_seconds[recorded.timeUs / 1000000];
    ++second.messages;
    second.bytes += message.payload.size();
    return true;
}

qint64 RecordingAppender::topicId(const QByteArray &topic)
{
    if (const auto found = m_topics.constFind(topic); found != m_topics.constEnd())
        return *found;
    sqlite3_stmt *statement = m_insertTopic.get();
    sqlite3_bind_text(statement, 1, topic.constData(), int(topic.size()), SQLITE_STATIC);
    const int result = m_insertTopic.step();
    m_insertTopic.reset();
    if (result != SQLITE_DONE) {
        m_error = sqliteError(m_db);
        return 0;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_db);
    m_topics.insert(topic, id);
    return id;
}

bool RecordingAppender::flushSeconds()
{
    sqlite3_stmt *statement = m_addSecond.get();
    for (auto it = m_seconds.cbegin(); it != m_seconds.cend(); ++it) {
        sqlite3_bind_int64(statement, 1, it.key());
        sqlite3_bind_int64(statement, 2, it->messages);
        sqlite3_bind_int64(statement, 3, it->bytes);
        if (!m_addSecond.run()) {
            m_error = sqliteError(m_db);
            return false;
        }
    }
    m_seconds.clear();
    return true;
}

bool RecordingAppender::makeRoom(qint64 need)
{
    const qint64 budget = m_options.byteBudget;
    if (budget <= 0 || need <= m_roomLeft) {
        m_roomLeft -= need;
        return true;
    }
    // Page splits of the tables and indexes take whole pages beyond what the rows need.
    const qint64 slack = std::max(8 * m_pageSize, std::min(budget / 50, qint64(16) << 20));
    constexpr int maximumDrops = 100000; // bounded: each drop deletes at least one row
    for (int drops = 0; drops <= maximumDrops; ++drops) {
        const qint64 pages = m_pageCount.integer();
        const qint64 freePages = m_freePages.integer();
        // Half of what seems left, as rows may take more than counted: the looks at the file
        // come more often the nearer it is to the budget.
        m_roomLeft = (budget - slack - (pages - freePages) * m_pageSize) / 2;
        if (need <= m_roomLeft) {
            m_roomLeft -= need;
            return true;
        }
        if (m_options.whenFull == RecordingOptions::WhenFull::Stop || m_oldestId > m_lastId)
            return false;
        if (!dropOldest())
            return false;
    }
    return false;
}

bool RecordingAppender::dropOldest()
{
    if (!flushSeconds())
        return false;
    const qint64 count = m_lastId - m_oldestId + 1;
    const qint64 end = m_oldestId + std::clamp<qint64>(count / 100, 64, 100000);
    sqlite3_bind_int64(m_oldestSeconds.get(), 1, end);
    while (m_oldestSeconds.step() == SQLITE_ROW) {
        sqlite3_stmt *row = m_oldestSeconds.get();
        for (int column = 0; column < 3; ++column)
            sqlite3_bind_int64(m_subtractSecond.get(), column + 1,
                               sqlite3_column_int64(row, column));
        if (!m_subtractSecond.run()) {
            m_error = sqliteError(m_db);
            m_oldestSeconds.reset();
            return false;
        }
    }
    m_oldestSeconds.reset();
    sqlite3_bind_int64(m_deleteOldest.get(), 1, end);
    if (!m_deleteOldest.run()
        || !sqliteExecute(m_db, "DELETE FROM seconds WHERE messages <= 0", nullptr)) {
        m_error = sqliteError(m_db);
        return false;
    }
    const qint64 oldest = m_minId.integer(m_lastId + 1);
    m_dropped += oldest - m_oldestId;
    m_oldestId = oldest;
    return true;
}

RecordingAppender::Outcome RecordingAppender::commit(Outcome outcome)
{
    if (!flushSeconds() || !sqliteExecute(m_db, "COMMIT", nullptr))
        return fail();
    return outcome;
}

RecordingAppender::Outcome RecordingAppender::fail()
{
    if (m_error.isEmpty())
        m_error = sqliteError(m_db);
    const int code = sqlite3_errcode(m_db);
    if (code == SQLITE_IOERR || code == SQLITE_FULL) {
        if (const QString cause = likelyWriteCause(m_path); !cause.isEmpty())
            m_error += QStringLiteral(": ") + cause;
    }
    m_error = translate("Cannot write to %1: %2").arg(QDir::toNativeSeparators(m_path), m_error);
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    m_seconds.clear();
    return Outcome::Failed;
}

qint64 RecordingAppender::fileBytes() const
{
    return m_pageCount.integer() * m_pageSize;
}

} // namespace mqttscope

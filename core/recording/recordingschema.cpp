// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingschema.h"

#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDir>

#include <sqlite3.h>

namespace mqttscope::RecordingSchema {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("RecordingSchema", text);
}

// Kept in step with docs/recording.md.
constexpr const char *schema = R"sql(
BEGIN;
PRAGMA application_id = 1297371475;
PRAGMA user_version = 1;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);
CREATE TABLE topics (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE messages (
  id          INTEGER PRIMARY KEY,
  time_us     INTEGER NOT NULL,
  topic_id    INTEGER NOT NULL REFERENCES topics(id),
  direction   INTEGER NOT NULL DEFAULT 0,
  qos         INTEGER NOT NULL,
  retain      INTEGER NOT NULL,
  dup         INTEGER NOT NULL,
  payload     BLOB NOT NULL,
  properties  TEXT
);
CREATE INDEX messages_time ON messages(time_us);
CREATE INDEX messages_topic_time ON messages(topic_id, time_us);
CREATE TABLE seconds (
  second   INTEGER PRIMARY KEY,
  messages INTEGER NOT NULL,
  bytes    INTEGER NOT NULL
);
COMMIT;
)sql";

} // namespace

QString problem(sqlite3 *db, const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    SqliteStatement application(db, "PRAGMA application_id");
    SqliteStatement version(db, "PRAGMA user_version");
    if (!application.isValid() || !version.isValid()) // "file is not a database" shows here
        return translate("%1 is not an mqttscope recording: %2").arg(name, sqliteError(db));
    if (application.integer() != applicationId)
        return translate("%1 is not an mqttscope recording").arg(name);
    const qint64 fileVersion = version.integer();
    if (fileVersion > formatVersion) {
        return translate("%1 was written by a newer mqttscope (recording format %2; this version "
                         "reads format %3 and older)")
            .arg(name)
            .arg(fileVersion)
            .arg(formatVersion);
    }
    return {};
}

bool isEmpty(sqlite3 *db)
{
    SqliteStatement tables(db, "SELECT count(*) FROM sqlite_master");
    SqliteStatement application(db, "PRAGMA application_id");
    return tables.isValid() && application.isValid() && tables.integer(-1) == 0
        && application.integer(-1) == 0;
}

bool create(sqlite3 *db, QString *error)
{
    return sqliteExecute(db, schema, error);
}

} // namespace mqttscope::RecordingSchema

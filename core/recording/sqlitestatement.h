// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace mqttscope {

// A prepared SQLite statement, finalized when it goes. Binds and columns go through the sqlite3
// API on get(); this only owns the handle and words the errors.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, const char *sql); // isValid() false, error() why, when it fails
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    sqlite3_stmt *get() const { return m_statement; }

    // One step; SQLITE_ROW, SQLITE_DONE or an error code. Reset before the next execution.
    int step();
    void reset();
    // Runs a statement without result rows (or whose rows do not matter); false on an error.
    bool run();
    // The first column of the first row as an integer (`fallback` when there is no row or NULL).
    qint64 integer(qint64 fallback = 0);

    QString error() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

// SQLite's message for the last error on `db`, with the system's reason when there is one
// ("disk I/O error (File too large)").
QString sqliteError(sqlite3 *db);
// Runs SQL without parameters (several statements allowed); false, with `error`, on failure.
bool sqliteExecute(sqlite3 *db, const char *sql, QString *error);

} // namespace mqttscope

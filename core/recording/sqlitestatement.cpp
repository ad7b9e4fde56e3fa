// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace mqttscope {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db)
    , m_statement(std::exchange(other.m_statement, nullptr))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_statement, other.m_statement);
    return *this;
}

int SqliteStatement::step()
{
    return sqlite3_step(m_statement);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool SqliteStatement::run()
{
    int result = step();
    while (result == SQLITE_ROW)
        result = step();
    sqlite3_reset(m_statement);
    return result == SQLITE_DONE;
}

qint64 SqliteStatement::integer(qint64 fallback)
{
    qint64 value = fallback;
    if (step() == SQLITE_ROW && sqlite3_column_type(m_statement, 0) != SQLITE_NULL)
        value = sqlite3_column_int64(m_statement, 0);
    sqlite3_reset(m_statement);
    return value;
}

QString SqliteStatement::error() const
{
    return sqliteError(m_db);
}

QString sqliteError(sqlite3 *db)
{
    QString text = QString::fromUtf8(sqlite3_errmsg(db));
    // errno is worth saying only for what a system call refused; otherwise it may be stale.
    const int code = sqlite3_errcode(db);
    const bool fromSystem = code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN
        || code == SQLITE_READONLY;
    if (const int systemError = sqlite3_system_errno(db); fromSystem && systemError)
        text += QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(systemError)));
    return text;
}

bool sqliteExecute(sqlite3 *db, const char *sql, QString *error)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = sqliteError(db);
    return false;
}

} // namespace mqttscope

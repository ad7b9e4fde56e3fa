// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace mqttscope {

// The recording file's schema (docs/recording.md) and how a file is recognised as one.
namespace RecordingSchema {

constexpr int applicationId = 0x4D545153; // 'MTQS', PRAGMA application_id
constexpr int formatVersion = 1; // PRAGMA user_version and meta "format_version"

// Whether `db` (opened on `path`) is a recording this version reads: empty when it is, otherwise
// why not ("… is not an mqttscope recording", "… was written by a newer mqttscope …").
QString problem(sqlite3 *db, const QString &path);
// Whether `db` is a new, empty database (no tables, no application id).
bool isEmpty(sqlite3 *db);
// Creates the tables and indexes and stamps the application id and version, in one transaction.
bool create(sqlite3 *db, QString *error);

} // namespace RecordingSchema
} // namespace mqttscope

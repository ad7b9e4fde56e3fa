// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace mqttscope {

// What a recording keeps and what it does when its file reaches its size budget.
struct RecordingOptions
{
    enum class WhenFull {
        Stop, // stop recording, keep the file as it is
        DropOldest, // delete the oldest messages to make room, keep recording
    };

    qint64 byteBudget = qint64(2) * 1024 * 1024 * 1024; // of the database file; 0: no budget
    WhenFull whenFull = WhenFull::Stop;
    QList<QString> topicFilters; // MQTT filters ('+', '#'); empty: every message received
    bool recordPublished = true; // also what this connection published
    // Written to the file's meta table: "broker", "protocol_version", "client_id", "profile", ...
    QMap<QString, QString> metadata;
};

} // namespace mqttscope

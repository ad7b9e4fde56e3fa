// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

#include <QByteArray>

namespace mqttscope {

// One received message as the history keeps it: the payload whole (shared with the store, never
// truncated), its flags, and its MQTT 5 properties (shared with the message).
struct HistoryEntry
{
    QByteArray payload;
    qint64 receivedMsecs = 0;
    quint64 sequence = 0; // grows with every message a TopicStore takes in; never 0
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    SharedProperties properties; // shared with the message; empty when it carried none
};

// The entry as the message it was, on `topic` (the payload shared, not copied).
inline Message messageOf(const QByteArray &topic, const HistoryEntry &entry)
{
    Message message;
    message.topic = topic;
    message.payload = entry.payload;
    message.qos = entry.qos;
    message.retain = entry.retain;
    message.dup = entry.dup;
    message.properties = entry.properties;
    message.receivedMsecsSinceEpoch = entry.receivedMsecs;
    return message;
}

// The message as an entry numbered `sequence` (the payload shared, not copied).
inline HistoryEntry historyEntryOf(const Message &message, quint64 sequence)
{
    HistoryEntry entry;
    entry.payload = message.payload;
    entry.receivedMsecs = message.receivedMsecsSinceEpoch;
    entry.sequence = sequence;
    entry.qos = message.qos;
    entry.retain = message.retain;
    entry.dup = message.dup;
    entry.properties = message.properties;
    return entry;
}

} // namespace mqttscope

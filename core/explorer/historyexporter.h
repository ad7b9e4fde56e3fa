// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/historyentry.h"
#include "explorer/topicstorechanges.h"

#include <QList>

class QIODevice;
class QJsonObject;

namespace mqttscope {

class MessageHistory;
class TopicStore;

// Writes the kept history of a topic, or of every topic in a subtree, in arrival order.
//
// JSON lines: one object per message with the keys
//   time (ISO 8601 UTC with milliseconds), topic, qos, retain, dup, size (payload bytes),
//   payloadEncoding ("utf8" or "base64"), payload, and properties when the message had MQTT 5
//   properties (contentType, responseTopic, correlationData (base64), messageExpiryInterval,
//   payloadFormatIndicator, subscriptionIdentifiers, userProperties as [name, value] pairs).
// CSV (RFC 4180, UTF-8, header row):
//   time,topic,qos,retain,dup,size,payload_encoding,payload,properties
//   retain and dup are 0/1; properties is the JSON object above, compact, or empty.
// The payload is written as UTF-8 text when it is valid UTF-8 without control characters other
// than tab, CR and LF (PayloadEncoding::Auto), otherwise as base64; the encoding column says which,
// so the bytes can always be recovered exactly.
class HistoryExporter
{
public:
    enum class Scope { Topic, Subtree };
    enum class PayloadEncoding { Auto, Base64 };

    HistoryExporter(const TopicStore &store, const MessageHistory &history);

    void setPayloadEncoding(PayloadEncoding encoding) { m_encoding = encoding; }

    // Each returns the number of messages written.
    qint64 writeJsonLines(QIODevice &device, TopicNodeId node, Scope scope) const;
    qint64 writeCsv(QIODevice &device, TopicNodeId node, Scope scope) const;

    struct Row
    {
        QByteArray topic;
        HistoryEntry entry;
    };
    // What is written: the kept messages of `node` (or its subtree) in arrival order. A replay
    // of the subtree publishes the same.
    QList<Row> collect(TopicNodeId node, Scope scope) const;

private:
    bool asText(const QByteArray &payload) const;
    QJsonObject toJson(const Row &row) const;

    const TopicStore &m_store;
    const MessageHistory &m_history;
    PayloadEncoding m_encoding = PayloadEncoding::Auto;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/historyentry.h"
#include "explorer/messagewriter.h"
#include "explorer/topicstorechanges.h"

#include <QList>

class QIODevice;

namespace mqttscope {

class DecodedPayloads;
class MessageHistory;
class TopicStore;

// Writes the kept history of a topic, or of every topic in a subtree, in arrival order, as
// JSON lines (the format of `mqttscope-cli sub --json`) or CSV: see MessageWriter.
class HistoryExporter
{
public:
    enum class Scope { Topic, Subtree };
    using PayloadEncoding = MessageWriter::PayloadEncoding;

    HistoryExporter(const TopicStore &store, const MessageHistory &history);

    // For CSV; JSON lines write text or base64 as `sub --json` does.
    void setPayloadEncoding(PayloadEncoding encoding) { m_encoding = encoding; }
    // Writes what the connection's decoder reads alongside each payload (see MessageWriter).
    void setDecoded(const DecodedPayloads *decoded) { m_decoded = decoded; }

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
    qint64 write(MessageWriter &writer, TopicNodeId node, Scope scope) const;
    MessageWriter::Decoder decoder() const;

    const TopicStore &m_store;
    const MessageHistory &m_history;
    PayloadEncoding m_encoding = PayloadEncoding::Auto;
    const DecodedPayloads *m_decoded = nullptr;
};

} // namespace mqttscope

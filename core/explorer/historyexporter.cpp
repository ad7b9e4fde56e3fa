// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/historyexporter.h"

#include "explorer/decodedpayloads.h"
#include "explorer/messagehistory.h"
#include "explorer/topicstore.h"

#include <algorithm>

namespace mqttscope {

HistoryExporter::HistoryExporter(const TopicStore &store, const MessageHistory &history)
    : m_store(store)
    , m_history(history)
{
}

QList<HistoryExporter::Row> HistoryExporter::collect(TopicNodeId node, Scope scope) const
{
    QList<Row> rows;
    std::vector<TopicNodeId> pending{node};
    while (!pending.empty()) {
        const TopicNodeId id = pending.back();
        pending.pop_back();
        if (m_history.count(id) > 0) {
            const QByteArray topic = m_store.topic(id);
            const QList<HistoryEntry> entries = m_history.entries(id);
            for (const HistoryEntry &entry : entries)
                rows.append({topic, entry});
        }
        if (scope == Scope::Subtree) {
            const std::vector<TopicNodeId> &children = m_store.children(id);
            pending.insert(pending.end(), children.begin(), children.end());
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return a.entry.sequence < b.entry.sequence; });
    return rows;
}

qint64 HistoryExporter::write(MessageWriter &writer, TopicNodeId node, Scope scope) const
{
    const QList<Row> rows = collect(node, scope);
    for (const Row &row : rows)
        writer.write(messageOf(row.topic, row.entry), row.entry.receivedMsecs);
    writer.flush();
    return rows.size();
}

// Past the views' cache: an export reads every kept message once.
MessageWriter::Decoder HistoryExporter::decoder() const
{
    if (!m_decoded)
        return {};
    return [decoded = m_decoded](const Message &message) { return decoded->decode(message); };
}

qint64 HistoryExporter::writeJsonLines(QIODevice &device, TopicNodeId node, Scope scope) const
{
    MessageWriter writer(device, MessageWriter::Format::JsonLines, PayloadEncoding::Auto,
                         decoder());
    return write(writer, node, scope);
}

qint64 HistoryExporter::writeCsv(QIODevice &device, TopicNodeId node, Scope scope) const
{
    MessageWriter writer(device, MessageWriter::Format::Csv, m_encoding, decoder());
    return write(writer, node, scope);
}

} // namespace mqttscope

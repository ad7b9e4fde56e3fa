// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/historyexporter.h"

#include "explorer/messagehistory.h"
#include "explorer/payloadformat.h"
#include "explorer/topicstore.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString isoTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject propertiesToJson(const Properties &p)
{
    QJsonObject json;
    if (p.contentType)
        json.insert("contentType"_L1, *p.contentType);
    if (p.responseTopic)
        json.insert("responseTopic"_L1, *p.responseTopic);
    if (p.correlationData)
        json.insert("correlationData"_L1, QString::fromLatin1(p.correlationData->toBase64()));
    if (p.messageExpiryInterval)
        json.insert("messageExpiryInterval"_L1, qint64(*p.messageExpiryInterval));
    if (p.payloadFormatIndicator)
        json.insert("payloadFormatIndicator"_L1, int(*p.payloadFormatIndicator));
    if (!p.subscriptionIdentifiers.isEmpty()) {
        QJsonArray ids;
        for (const quint32 id : p.subscriptionIdentifiers)
            ids.append(qint64(id));
        json.insert("subscriptionIdentifiers"_L1, ids);
    }
    if (!p.userProperties.isEmpty()) {
        QJsonArray pairs;
        for (const UserProperty &property : p.userProperties)
            pairs.append(QJsonArray{property.first, property.second});
        json.insert("userProperties"_L1, pairs);
    }
    return json;
}

QByteArray csvField(const QByteArray &field)
{
    if (!field.contains(',') && !field.contains('"') && !field.contains('\n')
        && !field.contains('\r'))
        return field;
    QByteArray quoted = field;
    quoted.replace('"', QByteArrayView("\"\""));
    return '"' + quoted + '"';
}

} // namespace

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

bool HistoryExporter::asText(const QByteArray &payload) const
{
    return m_encoding == PayloadEncoding::Auto && Payload::looksLikeText(payload);
}

QJsonObject HistoryExporter::toJson(const Row &row) const
{
    const HistoryEntry &e = row.entry;
    const bool text = asText(e.payload);
    QJsonObject json{
        {"time"_L1, isoTime(e.receivedMsecs)},
        {"topic"_L1, QString::fromUtf8(row.topic)},
        {"qos"_L1, int(e.qos)},
        {"retain"_L1, e.retain},
        {"dup"_L1, e.dup},
        {"size"_L1, qint64(e.payload.size())},
        {"payloadEncoding"_L1, text ? "utf8"_L1 : "base64"_L1},
        {"payload"_L1,
         text ? QString::fromUtf8(e.payload) : QString::fromLatin1(e.payload.toBase64())},
    };
    if (e.properties)
        json.insert("properties"_L1, propertiesToJson(*e.properties));
    return json;
}

qint64 HistoryExporter::writeJsonLines(QIODevice &device, TopicNodeId node, Scope scope) const
{
    const QList<Row> rows = collect(node, scope);
    for (const Row &row : rows) {
        device.write(QJsonDocument(toJson(row)).toJson(QJsonDocument::Compact));
        device.write("\n");
    }
    return rows.size();
}

qint64 HistoryExporter::writeCsv(QIODevice &device, TopicNodeId node, Scope scope) const
{
    const QList<Row> rows = collect(node, scope);
    device.write("time,topic,qos,retain,dup,size,payload_encoding,payload,properties\r\n");
    for (const Row &row : rows) {
        const HistoryEntry &e = row.entry;
        const bool text = asText(e.payload);
        const QByteArray properties = e.properties
            ? QJsonDocument(propertiesToJson(*e.properties)).toJson(QJsonDocument::Compact)
            : QByteArray();
        const QByteArrayList fields{
            isoTime(e.receivedMsecs).toUtf8(),
            csvField(row.topic),
            QByteArray::number(e.qos),
            e.retain ? QByteArray("1") : QByteArray("0"),
            e.dup ? QByteArray("1") : QByteArray("0"),
            QByteArray::number(e.payload.size()),
            text ? QByteArray("utf8") : QByteArray("base64"),
            csvField(text ? e.payload : e.payload.toBase64()),
            csvField(properties),
        };
        device.write(fields.join(','));
        device.write("\r\n");
    }
    return rows.size();
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/historymodel.h"

#include "explorer/decodedpayloads.h"
#include "explorer/messagehistory.h"
#include "explorer/payloadpreview.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {
constexpr int PreviewChars = 80;
}

HistoryModel::HistoryModel(const MessageHistory *history, QObject *parent)
    : HistoryModel(history, nullptr, parent)
{
}

HistoryModel::HistoryModel(const MessageHistory *history, const DecodedPayloads *decoded,
                           QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(history)
    , m_decoded(decoded)
{
}

void HistoryModel::setTopic(TopicNodeId topic)
{
    beginResetModel();
    m_topic = topic;
    m_rows = topic == NoTopic ? QList<HistoryEntry>() : m_history->entries(topic);
    endResetModel();
}

void HistoryModel::refresh()
{
    if (m_topic == NoTopic)
        return;
    // Evicted: everything older than the topic's oldest kept message (all, once it has none).
    const quint64 oldest = m_history->oldestSequence(m_topic);
    qsizetype evicted = 0;
    while (evicted < m_rows.size() && (oldest == 0 || m_rows[evicted].sequence < oldest))
        ++evicted;
    if (evicted > 0) {
        beginRemoveRows({}, 0, int(evicted - 1));
        m_rows.remove(0, evicted);
        endRemoveRows();
    }
    const quint64 newest =
        m_rows.isEmpty() ? (oldest == 0 ? 0 : oldest - 1) : m_rows.last().sequence;
    const QList<HistoryEntry> arrived = m_history->entries(m_topic, newest);
    if (!arrived.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + arrived.size() - 1));
        m_rows.append(arrived);
        endInsertRows();
    }
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::propertiesSummary(const Properties &p)
{
    QStringList parts;
    if (p.payloadFormatIndicator)
        parts.append(u"payload-format=%1"_s.arg(*p.payloadFormatIndicator));
    if (p.contentType)
        parts.append(u"content-type=%1"_s.arg(*p.contentType));
    if (p.responseTopic)
        parts.append(u"response-topic=%1"_s.arg(*p.responseTopic));
    if (p.correlationData)
        parts.append(u"correlation-data=%1"_s.arg(QString::fromLatin1(p.correlationData->toHex())));
    if (p.messageExpiryInterval)
        parts.append(u"expiry=%1s"_s.arg(*p.messageExpiryInterval));
    for (const quint32 id : p.subscriptionIdentifiers)
        parts.append(u"subscription-id=%1"_s.arg(id));
    for (const UserProperty &property : p.userProperties)
        parts.append(u"%1=%2"_s.arg(property.first, property.second));
    return parts.join(u"; "_s);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HistoryEntry &e = m_rows[index.row()];
    switch (role) {
    case PayloadRole:
        return e.payload;
    case ReceivedMsecsRole:
        return e.receivedMsecs;
    case SequenceRole:
        return e.sequence;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == QosColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(e.receivedMsecs, Qt::UTC)
                .toString(Qt::ISODateWithMs);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.receivedMsecs)
            .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case QosColumn:
        return int(e.qos);
    case RetainColumn:
        return e.retain ? tr("yes") : QString();
    case DupColumn:
        return e.dup ? tr("yes") : QString();
    case SizeColumn:
        return qlonglong(e.payload.size());
    case PropertiesColumn:
        return e.properties.isEmpty() ? QString() : propertiesSummary(*e.properties);
    case PayloadColumn:
        return m_decoded ? m_decoded->preview(m_topic, e.payload, PreviewChars, e.receivedMsecs)
                         : Payload::preview(e.payload, PreviewChars);
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case QosColumn:
        return tr("QoS");
    case RetainColumn:
        return tr("Retain");
    case DupColumn:
        return tr("Dup");
    case SizeColumn:
        return tr("Size");
    case PropertiesColumn:
        return tr("Properties");
    case PayloadColumn:
        return tr("Payload");
    }
    return {};
}

} // namespace mqttscope

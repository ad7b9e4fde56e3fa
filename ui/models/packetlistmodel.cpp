// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packetlistmodel.h"

#include "inspector/packetexport.h"

#include <QBrush>
#include <QColor>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

PacketListModel::PacketListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PacketListModel::append(const QList<PacketTraceEntry> &entries)
{
    if (entries.isEmpty())
        return;
    // One insert at the end, then one remove at the front for what the ring's bounds drop.
    const int first = rowCount();
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_log.push(entries);
    endInsertRows();
    removeFront(m_log.ring().excess());
}

void PacketListModel::removeFront(qsizetype count)
{
    if (count == 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    m_log.ring().trim();
    endRemoveRows();
}

void PacketListModel::clear()
{
    beginResetModel();
    m_log.clear();
    endResetModel();
}

void PacketListModel::markStuck(qint64 nowUs)
{
    if (m_log.flows().markStuck(nowUs).isEmpty() || rowCount() == 0)
        return;
    emit dataChanged(index(0, Flow), index(rowCount() - 1, Flow));
}

void PacketListModel::setLimits(qsizetype maximumPackets, qint64 maximumBytes)
{
    // Rare (a setting): a reset is simpler than announcing what the new bounds drop.
    beginResetModel();
    m_log.ring().setLimits(maximumPackets, maximumBytes);
    endResetModel();
}

const PacketFlow *PacketListModel::flowAt(int row) const
{
    return m_log.flows().flow(packetAt(row).flowId);
}

int PacketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_log.ring().size());
}

int PacketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PacketListModel::display(const TracedPacket &packet, int column) const
{
    const PacketTraceEntry &e = packet.entry;
    switch (column) {
    case Time:
        return formatTraceTime(e.timeUs).mid(11); // the time of day, to the microsecond
    case Direction:
        return e.direction == PacketDirection::Sent ? u"→"_s : u"←"_s;
    case Type:
        return e.type == PacketType::Publish && !e.publishTopic().isEmpty()
            ? u"PUBLISH %1"_s.arg(QString::fromUtf8(e.publishTopic()))
            : packetTypeName(e.type);
    case Flags:
        return u"%1"_s.arg(e.flags, 4, 2, QLatin1Char('0'));
    case PacketId:
        return e.packetId ? QVariant(e.packetId) : QVariant();
    case Size:
        return e.size;
    case Reason:
        return e.hasReasonCode() ? QVariant(u"0x%1"_s.arg(e.reasonCode, 2, 16, QLatin1Char('0')))
                                 : QVariant();
    case Flow:
        if (const PacketFlow *flow = m_log.flows().flow(packet.flowId))
            return u"%1 %2 · %3"_s.arg(flowKindName(flow->kind), flowStateName(flow->state),
                                       describeFlowSteps(*flow));
        return {};
    }
    return {};
}

QVariant PacketListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TracedPacket &packet = packetAt(index.row());
    const PacketFlow *flow = m_log.flows().flow(packet.flowId);
    const bool stuck = flow && flow->state == FlowState::Stuck;
    switch (role) {
    case Qt::DisplayRole:
        return display(packet, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Flow && stuck)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PacketId || index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PacketTypeRole:
        return int(packet.entry.type);
    case PacketIdRole:
        return packet.entry.packetId;
    case TopicRole:
        return QString::fromUtf8(packet.entry.publishTopic());
    case StuckRole:
        return stuck;
    default:
        return {};
    }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Direction:
        return tr("Dir");
    case Type:
        return tr("Type");
    case Flags:
        return tr("Flags");
    case PacketId:
        return tr("Id");
    case Size:
        return tr("Size");
    case Reason:
        return tr("Reason");
    case Flow:
        return tr("Flow");
    }
    return {};
}

} // namespace mqttscope

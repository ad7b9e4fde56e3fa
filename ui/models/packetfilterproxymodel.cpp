// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/packetfilterproxymodel.h"

#include "models/packetlistmodel.h"

namespace mqttscope {

void PacketFilterProxyModel::setType(std::optional<PacketType> type)
{
    m_type = type;
    invalidateRowsFilter();
}

void PacketFilterProxyModel::setTopic(const QString &substring)
{
    m_topic = substring;
    invalidateRowsFilter();
}

void PacketFilterProxyModel::setPacketId(std::optional<quint16> id)
{
    m_packetId = id;
    invalidateRowsFilter();
}

bool PacketFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_type && index.data(PacketListModel::PacketTypeRole).toInt() != int(*m_type))
        return false;
    if (m_packetId && index.data(PacketListModel::PacketIdRole).toInt() != *m_packetId)
        return false;
    return m_topic.isEmpty()
        || index.data(PacketListModel::TopicRole).toString().contains(m_topic, Qt::CaseInsensitive);
}

} // namespace mqttscope

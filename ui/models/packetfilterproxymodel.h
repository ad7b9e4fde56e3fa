// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace mqttscope {

// The packet inspector's filter over a PacketListModel: by packet type, by topic (a substring of
// a PUBLISH's topic; other packets are left out while it is set) and by packet id.
class PacketFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setType(std::optional<PacketType> type);
    void setTopic(const QString &substring);
    void setPacketId(std::optional<quint16> id);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<PacketType> m_type;
    QString m_topic;
    std::optional<quint16> m_packetId;
};

} // namespace mqttscope

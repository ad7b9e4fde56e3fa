// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/packetlog.h"

#include <QAbstractTableModel>

namespace mqttscope {

// The packet inspector's table: one row per packet of a PacketLog's ring, oldest first. Batches
// go in with append() (one remove at the front for what the ring dropped, one insert at the end);
// rows are read straight from the ring.
class PacketListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Direction, Type, Flags, PacketId, Size, Reason, Flow, ColumnCount };
    enum Role { PacketTypeRole = Qt::UserRole, PacketIdRole, TopicRole, StuckRole };

    explicit PacketListModel(QObject *parent = nullptr);

    void append(const QList<PacketTraceEntry> &entries);
    void clear();
    // Marks the flows silent for too long at `nowUs` and repaints their rows' Flow cells.
    void markStuck(qint64 nowUs);
    void setLimits(qsizetype maximumPackets, qint64 maximumBytes);

    const PacketLog &log() const { return m_log; }
    const TracedPacket &packetAt(int row) const { return m_log.ring().at(row); }
    const PacketFlow *flowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const TracedPacket &packet, int column) const;
    void removeFront(qsizetype count);

    PacketLog m_log;
};

} // namespace mqttscope

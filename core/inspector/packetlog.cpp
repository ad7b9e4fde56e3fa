// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/packetlog.h"

namespace mqttscope {

PacketLog::Appended PacketLog::append(const QList<PacketTraceEntry> &entries)
{
    Appended result;
    for (const PacketTraceEntry &entry : entries) {
        push({entry});
        result.evicted += m_ring.trim();
    }
    result.added = qMin(entries.size(), m_ring.size());
    // Packets of this batch that were dropped again were never seen by anyone.
    result.evicted -= entries.size() - result.added;
    return result;
}

void PacketLog::push(const QList<PacketTraceEntry> &entries)
{
    for (const PacketTraceEntry &entry : entries) {
        const quint64 sequence = m_nextSequence++;
        m_ring.push(TracedPacket{sequence, m_flows.add(entry, sequence), entry});
    }
}

void PacketLog::clear()
{
    m_ring.clear();
    m_flows.clear();
}

const PacketTraceEntry *PacketLog::connectBefore(qsizetype index) const
{
    for (qsizetype i = qMin(index, m_ring.size() - 1); i >= 0; --i) {
        const PacketTraceEntry &entry = m_ring.at(i).entry;
        if (entry.type == PacketType::Connect && entry.direction == PacketDirection::Sent)
            return &entry;
    }
    return nullptr;
}

} // namespace mqttscope

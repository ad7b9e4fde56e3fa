// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/packetring.h"

namespace mqttscope {

qsizetype PacketRing::setLimits(qsizetype maximumPackets, qint64 maximumBytes)
{
    m_maximumPackets = qMax<qsizetype>(1, maximumPackets);
    m_maximumBytes = qMax<qint64>(1, maximumBytes);
    return evictBeyondLimits();
}

qsizetype PacketRing::append(TracedPacket packet)
{
    push(std::move(packet));
    return evictBeyondLimits();
}

void PacketRing::push(TracedPacket packet)
{
    m_bytes += costOf(packet);
    m_packets.push_back(std::move(packet));
}

qsizetype PacketRing::excess() const
{
    qsizetype dropped = 0;
    qint64 bytes = m_bytes;
    while (size() - dropped > m_maximumPackets
           || (bytes > m_maximumBytes && size() - dropped > 1)) {
        bytes -= costOf(m_packets[size_t(dropped)]);
        ++dropped;
    }
    return dropped;
}

void PacketRing::clear()
{
    m_packets.clear();
    m_bytes = 0;
}

qint64 PacketRing::costOf(const TracedPacket &packet)
{
    return qint64(sizeof(TracedPacket)) + packet.entry.bytes.size();
}

qsizetype PacketRing::evictBeyondLimits()
{
    qsizetype evicted = 0;
    while (size() > m_maximumPackets || (m_bytes > m_maximumBytes && size() > 1)) {
        m_bytes -= costOf(m_packets.front());
        m_packets.pop_front();
        ++evicted;
    }
    return evicted;
}

} // namespace mqttscope

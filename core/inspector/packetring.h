// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/tracedpacket.h"

#include <deque>

namespace mqttscope {

// The last packets traced, bounded by a count and by bytes (the packets' kept bytes plus a fixed
// cost each); the oldest go first. The newest packet is kept even when it alone exceeds the bytes.
class PacketRing
{
public:
    static constexpr qsizetype DefaultMaximumPackets = 100'000;
    static constexpr qint64 DefaultMaximumBytes = 64ll << 20;

    // Returns how many packets were dropped from the front to meet the new limits.
    qsizetype setLimits(qsizetype maximumPackets, qint64 maximumBytes);
    qsizetype maximumPackets() const { return m_maximumPackets; }
    qint64 maximumBytes() const { return m_maximumBytes; }

    // Returns how many packets were dropped from the front to make room.
    qsizetype append(TracedPacket packet);
    // For a view that must announce removals before they happen: push() adds without dropping,
    // excess() says how many trim() will then drop from the front.
    void push(TracedPacket packet);
    qsizetype excess() const;
    qsizetype trim() { return evictBeyondLimits(); }
    void clear();

    qsizetype size() const { return qsizetype(m_packets.size()); }
    bool isEmpty() const { return m_packets.empty(); }
    const TracedPacket &at(qsizetype index) const { return m_packets[size_t(index)]; }
    qint64 bytes() const { return m_bytes; }

    static qint64 costOf(const TracedPacket &packet);

private:
    qsizetype evictBeyondLimits();

    std::deque<TracedPacket> m_packets;
    qint64 m_bytes = 0;
    qsizetype m_maximumPackets = DefaultMaximumPackets;
    qint64 m_maximumBytes = DefaultMaximumBytes;
};

} // namespace mqttscope

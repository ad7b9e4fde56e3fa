// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/flowtracker.h"
#include "inspector/packetring.h"

namespace mqttscope {

// What the packet inspector of one connection holds: the ring of the last packets and the flows
// they form. Fed with the batches of MqttClient::packetsTraced.
class PacketLog
{
public:
    struct Appended
    {
        qsizetype added = 0; // at the end of the ring
        qsizetype evicted = 0; // from its front
    };

    Appended append(const QList<PacketTraceEntry> &entries);
    // append() in two steps, for a view: the packets added beyond the ring's bounds, then
    // ring().excess() of them dropped from the front by ring().trim().
    void push(const QList<PacketTraceEntry> &entries);
    void clear();

    PacketRing &ring() { return m_ring; }
    const PacketRing &ring() const { return m_ring; }
    FlowTracker &flows() { return m_flows; }
    const FlowTracker &flows() const { return m_flows; }
    // The CONNECT of the connection that `index` belongs to (the last one before it), for
    // showing a CONNACK beside what was asked; null when it has left the ring.
    const PacketTraceEntry *connectBefore(qsizetype index) const;

private:
    PacketRing m_ring;
    FlowTracker m_flows;
    quint64 m_nextSequence = 1;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/packetflow.h"

#include <QHash>

#include <deque>

namespace mqttscope {

// Groups traced packets into QoS flows by packet id and direction, and times each step. Packet
// ids are per direction: ours (PUBLISH we send, SUBSCRIBE, UNSUBSCRIBE) and the server's (PUBLISH
// it sends) never mix, and an id is free again once its flow completes, so a new request with an
// id still open abandons the old flow. A resent PUBLISH (DUP) or PUBREL joins its flow. Keeps at
// most maximumFlows(), the oldest dropped first.
class FlowTracker
{
public:
    static constexpr qsizetype DefaultMaximumFlows = 50'000;
    static constexpr qint64 DefaultStuckAfterUs = 10'000'000;

    void setMaximumFlows(qsizetype maximum);
    // An open flow with no step for longer than this is stuck (see markStuck).
    void setStuckAfterUs(qint64 microseconds) { m_stuckAfterUs = microseconds; }
    qint64 stuckAfterUs() const { return m_stuckAfterUs; }

    // The flow the packet joined or opened; 0 when it belongs to none (QoS 0 PUBLISH, CONNECT,
    // CONNACK, DISCONNECT, AUTH).
    quint64 add(const PacketTraceEntry &entry, quint64 sequence);
    // Marks open flows whose last step is older than stuckAfterUs() at `nowUs`; returns the ids
    // of those newly stuck.
    QList<quint64> markStuck(qint64 nowUs);
    void clear();

    const PacketFlow *flow(quint64 id) const;
    qsizetype size() const { return qsizetype(m_flows.size()); }
    const PacketFlow &at(qsizetype index) const { return m_flows[size_t(index)]; }
    qsizetype openCount() const { return m_open.size(); }

private:
    PacketFlow *find(quint64 id);
    quint64 open(const PacketTraceEntry &entry, FlowKind kind, quint64 sequence);
    quint64 answer(const PacketTraceEntry &entry, quint64 sequence);
    void addStep(PacketFlow &flow, const PacketTraceEntry &entry, quint64 sequence);
    void trim();

    std::deque<PacketFlow> m_flows; // by id: m_flows[i].id == m_firstId + i
    quint64 m_firstId = 1;
    QHash<quint32, quint64> m_open; // flow key -> id of the open flow
    qsizetype m_maximumFlows = DefaultMaximumFlows;
    qint64 m_stuckAfterUs = DefaultStuckAfterUs;
};

} // namespace mqttscope

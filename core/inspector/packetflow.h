// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"

#include <QList>
#include <QString>

namespace mqttscope {

// The exchanges MQTT ties together by packet id (or, for a ping, by turn).
enum class FlowKind : quint8 {
    PublishQos1, // PUBLISH -> PUBACK
    PublishQos2, // PUBLISH -> PUBREC -> PUBREL -> PUBCOMP
    Subscribe, // SUBSCRIBE -> SUBACK
    Unsubscribe, // UNSUBSCRIBE -> UNSUBACK
    Ping, // PINGREQ -> PINGRESP
};

enum class FlowState : quint8 {
    Open, // waiting for its next step
    Complete,
    Stuck, // open, and no step for longer than the tracker's limit
    Abandoned, // its packet id was used by a new exchange before it completed
    Unmatched, // an answer whose request was not seen (e.g. traced since it was sent)
};

struct FlowStep
{
    PacketType type = PacketType::Publish;
    PacketDirection direction = PacketDirection::Sent;
    qint64 timeUs = 0;
    qint64 latencyUs = 0; // since the step before (0 for the first)
    quint64 sequence = 0; // of the TracedPacket
};

struct PacketFlow
{
    quint64 id = 0;
    FlowKind kind = FlowKind::PublishQos1;
    PacketDirection initiator = PacketDirection::Sent; // who sent the first packet
    quint16 packetId = 0;
    FlowState state = FlowState::Open;
    QList<FlowStep> steps;

    qint64 startUs() const { return steps.isEmpty() ? 0 : steps.constFirst().timeUs; }
    qint64 lastUs() const { return steps.isEmpty() ? 0 : steps.constLast().timeUs; }
    qint64 totalUs() const { return lastUs() - startUs(); }
    bool isOpen() const { return state == FlowState::Open || state == FlowState::Stuck; }
};

// The packet types of a complete flow of `kind`, in order.
QList<PacketType> flowSteps(FlowKind kind);
QString flowKindName(FlowKind kind); // "QoS 2 publish", ...
QString flowStateName(FlowState state); // "open", "complete", "stuck", ...
// "PUBLISH → PUBREC 1.2 ms → PUBREL 0.1 ms → PUBCOMP 1.0 ms"
QString describeFlowSteps(const PacketFlow &flow);
// A latency for people: "850 µs", "12.3 ms", "2.50 s".
QString formatLatency(qint64 microseconds);

} // namespace mqttscope

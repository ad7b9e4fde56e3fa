// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/flowtracker.h"

namespace mqttscope {

namespace {

PacketDirection opposite(PacketDirection direction)
{
    return direction == PacketDirection::Sent ? PacketDirection::Received : PacketDirection::Sent;
}

// One key space per initiating direction; the ping has a key of its own.
quint32 keyOf(PacketDirection initiator, quint16 packetId)
{
    return (quint32(initiator) << 16) | packetId;
}
constexpr quint32 kPingKey = 0x40000u;

quint32 keyOf(const PacketFlow &flow)
{
    return flow.kind == FlowKind::Ping ? kPingKey : keyOf(flow.initiator, flow.packetId);
}

// Whether `type` may come next in `flow`: the following step, or the last one again (a resent
// PUBLISH or PUBREL).
bool acceptsNext(const PacketFlow &flow, PacketType type)
{
    const QList<PacketType> steps = flowSteps(flow.kind);
    const qsizetype last = steps.indexOf(flow.steps.constLast().type);
    return steps.value(last + 1) == type || steps.value(last) == type;
}

bool completes(const PacketFlow &flow, const PacketTraceEntry &entry)
{
    // A 5.0 PUBREC with an error reason ends the QoS 2 exchange there (5.0 section 4.3.3).
    if (entry.type == PacketType::Pubrec && entry.reasonCode >= 0x80)
        return true;
    return flowSteps(flow.kind).constLast() == entry.type;
}

} // namespace

void FlowTracker::setMaximumFlows(qsizetype maximum)
{
    m_maximumFlows = qMax<qsizetype>(1, maximum);
    trim();
}

quint64 FlowTracker::add(const PacketTraceEntry &entry, quint64 sequence)
{
    switch (entry.type) {
    case PacketType::Publish:
        if (entry.qos() == 0)
            return 0;
        if (entry.flags & 0x08) { // DUP: the same exchange again, when it is still open
            PacketFlow *flow = find(m_open.value(keyOf(entry.direction, entry.packetId)));
            if (flow && flow->steps.constFirst().type == PacketType::Publish) {
                addStep(*flow, entry, sequence);
                return flow->id;
            }
        }
        return open(entry, entry.qos() == 1 ? FlowKind::PublishQos1 : FlowKind::PublishQos2,
                    sequence);
    case PacketType::Subscribe:
        return open(entry, FlowKind::Subscribe, sequence);
    case PacketType::Unsubscribe:
        return open(entry, FlowKind::Unsubscribe, sequence);
    case PacketType::Pingreq:
        return open(entry, FlowKind::Ping, sequence);
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
    case PacketType::Suback:
    case PacketType::Unsuback:
    case PacketType::Pingresp:
        return answer(entry, sequence);
    case PacketType::Connect:
    case PacketType::Connack:
    case PacketType::Disconnect:
    case PacketType::Auth:
        break;
    }
    return 0;
}

quint64 FlowTracker::open(const PacketTraceEntry &entry, FlowKind kind, quint64 sequence)
{
    PacketFlow flow;
    flow.id = m_firstId + m_flows.size();
    flow.kind = kind;
    flow.initiator = entry.direction;
    flow.packetId = entry.packetId;
    const quint32 key = keyOf(flow);
    if (PacketFlow *old = find(m_open.value(key)))
        old->state = FlowState::Abandoned;
    addStep(flow, entry, sequence);
    m_open.insert(key, flow.id);
    m_flows.push_back(std::move(flow));
    trim();
    return m_flows.back().id;
}

quint64 FlowTracker::answer(const PacketTraceEntry &entry, quint64 sequence)
{
    // PUBREL goes the way of the PUBLISH it releases; every other answer the other way.
    const bool ping = entry.type == PacketType::Pingresp;
    const PacketDirection initiator =
        entry.type == PacketType::Pubrel ? entry.direction : opposite(entry.direction);
    const quint32 key = ping ? kPingKey : keyOf(initiator, entry.packetId);
    PacketFlow *flow = find(m_open.value(key));
    if (flow && acceptsNext(*flow, entry.type)) {
        addStep(*flow, entry, sequence);
        if (completes(*flow, entry)) {
            flow->state = FlowState::Complete;
            m_open.remove(key);
        }
        return flow->id;
    }
    PacketFlow unmatched;
    unmatched.id = m_firstId + m_flows.size();
    unmatched.kind = entry.type == PacketType::Puback ? FlowKind::PublishQos1
        : ping                                        ? FlowKind::Ping
        : entry.type == PacketType::Suback            ? FlowKind::Subscribe
        : entry.type == PacketType::Unsuback          ? FlowKind::Unsubscribe
                                                      : FlowKind::PublishQos2;
    unmatched.initiator = initiator;
    unmatched.packetId = entry.packetId;
    unmatched.state = FlowState::Unmatched;
    addStep(unmatched, entry, sequence);
    m_flows.push_back(std::move(unmatched));
    trim();
    return m_flows.back().id;
}

void FlowTracker::addStep(PacketFlow &flow, const PacketTraceEntry &entry, quint64 sequence)
{
    const qint64 latency = flow.steps.isEmpty() ? 0 : entry.timeUs - flow.lastUs();
    flow.steps.append(FlowStep{entry.type, entry.direction, entry.timeUs, latency, sequence});
    if (flow.state == FlowState::Stuck)
        flow.state = FlowState::Open; // it moved again
}

QList<quint64> FlowTracker::markStuck(qint64 nowUs)
{
    QList<quint64> stuck;
    for (const quint64 id : std::as_const(m_open)) {
        PacketFlow *flow = find(id);
        if (flow && flow->state == FlowState::Open && nowUs - flow->lastUs() > m_stuckAfterUs) {
            flow->state = FlowState::Stuck;
            stuck.append(id);
        }
    }
    return stuck;
}

void FlowTracker::clear()
{
    m_firstId += m_flows.size(); // ids stay unique across a clear
    m_flows.clear();
    m_open.clear();
}

const PacketFlow *FlowTracker::flow(quint64 id) const
{
    if (id < m_firstId || id - m_firstId >= m_flows.size())
        return nullptr;
    return &m_flows[size_t(id - m_firstId)];
}

PacketFlow *FlowTracker::find(quint64 id)
{
    return const_cast<PacketFlow *>(std::as_const(*this).flow(id));
}

void FlowTracker::trim()
{
    while (size() > m_maximumFlows) {
        const PacketFlow &oldest = m_flows.front();
        const auto open = m_open.constFind(keyOf(oldest));
        if (open != m_open.cend() && *open == oldest.id)
            m_open.erase(open);
        m_flows.pop_front();
        ++m_firstId;
    }
}

} // namespace mqttscope

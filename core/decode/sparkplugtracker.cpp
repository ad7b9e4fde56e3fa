// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugtracker.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mqttscope {

namespace {

using Sparkplug::MessageType;

QString tr(const char *text)
{
    return QCoreApplication::translate("SparkplugTracker", text);
}

QString nodeKey(const QString &group, const QString &edgeNode)
{
    return group + QLatin1Char('/') + edgeNode;
}

// A host's STATE: the 3.0 JSON {"online":true,"timestamp":...}
// [tck-id-host-topic-phid-birth-payload], or the "ONLINE"/"OFFLINE" text of Sparkplug 2.2's
// STATE/<host>.
std::optional<bool> hostStateOnline(const QByteArray &payload)
{
    const QJsonDocument json = QJsonDocument::fromJson(payload);
    if (json.isObject() && json.object().value(QLatin1String("online")).isBool())
        return json.object().value(QLatin1String("online")).toBool();
    if (payload.trimmed() == "ONLINE")
        return true;
    if (payload.trimmed() == "OFFLINE")
        return false;
    return std::nullopt;
}

} // namespace

void SparkplugTracker::report(Endpoint &endpoint, Observation *out, Issue issue,
                              const QString &text)
{
    ++endpoint.state.issueCount;
    endpoint.state.lastIssue = text;
    out->reports.append({issue, text});
}

SparkplugTracker::Observation SparkplugTracker::observe(const Message &message, Detail detail)
{
    Observation out;
    out.topic = Sparkplug::TopicName::parse(message.topic);
    if (!out.topic)
        return out;
    if (out.topic->type == MessageType::State)
        observeState(*out.topic, message, &out);
    else
        observeNodeMessage(*out.topic, message, detail, &out);
    return out;
}

void SparkplugTracker::observeState(const Sparkplug::TopicName &topic, const Message &message,
                                    Observation *out)
{
    const std::optional<bool> online = hostStateOnline(message.payload);
    if (online) {
        m_hosts.insert(topic.hostId, *online);
        return;
    }
    out->reports.append({Issue::MalformedPayload,
                         tr("STATE of host %1 is neither {\"online\":true|false,...} nor "
                            "ONLINE/OFFLINE")
                             .arg(topic.hostId)});
}

std::optional<Sparkplug::Summary>
SparkplugTracker::readPayload(const Sparkplug::TopicName &topic, const Node &node,
                              const Message &message, Detail detail, Observation *out) const
{
    QString error;
    if (detail == Detail::State) {
        auto summary = Sparkplug::summarize(message.payload, &error);
        if (!summary)
            out->decoded = DecodedPayload::failure(error);
        return summary;
    }
    // Aliases are unique across an edge node and its devices [tck-id-payloads-alias-uniqueness]:
    // a device's DATA is read with its DBIRTH's names, then the node's.
    QHash<quint64, QString> aliases = node.endpoint.aliases;
    if (topic.isDeviceMessage()) {
        const auto device = node.devices.constFind(topic.device);
        if (device != node.devices.cend())
            aliases.insert(device->aliases);
    }
    Sparkplug::Summary summary;
    out->decoded = Sparkplug::toJson(message.payload, aliases, &summary);
    if (!out->decoded.decoded())
        return std::nullopt;
    return summary;
}

void SparkplugTracker::observeNodeMessage(const Sparkplug::TopicName &topic, const Message &message,
                                          Detail detail, Observation *out)
{
    Node &node = m_nodes[nodeKey(topic.group, topic.edgeNode)];
    const std::optional<Sparkplug::Summary> read = readPayload(topic, node, message, detail, out);
    Endpoint &concerned = topic.isDeviceMessage() ? node.devices[topic.device] : node.endpoint;
    if (!read) {
        report(concerned, out, Issue::MalformedPayload, out->decoded.error);
        return;
    }
    const Sparkplug::Summary &summary = *read;
    const qint64 msecs = message.receivedMsecsSinceEpoch;
    switch (topic.type) {
    case MessageType::NBirth:
        onNodeBirth(node, summary, msecs);
        return;
    case MessageType::NDeath:
        onNodeDeath(node, summary, msecs, out);
        return;
    case MessageType::NCmd:
    case MessageType::DCmd: // commands carry no seq [tck-id-payloads-ncmd-seq]
        return;
    default:
        break;
    }
    if (!node.endpoint.state.online) {
        report(concerned, out, Issue::DataWithoutBirth,
               tr("%1 from %2 before its NBIRTH")
                   .arg(Sparkplug::typeName(topic.type), nodeKey(topic.group, topic.edgeNode)));
    }
    checkSequence(node, summary, out);
    if (topic.isDeviceMessage())
        onDeviceMessage(topic, node, summary, msecs, out);
    const bool unborn =
        std::any_of(out->reports.cbegin(), out->reports.cend(),
                    [](const Report &r) { return r.issue == Issue::DataWithoutBirth; });
    if (unborn) // no BIRTH to know the aliases by: one report says it all
        return;
    const Endpoint *device = topic.isDeviceMessage() ? &concerned : nullptr;
    for (quint64 alias : std::as_const(summary.aliasesWithoutName)) {
        if (!node.endpoint.aliases.contains(alias) && !(device && device->aliases.contains(alias)))
            report(concerned, out, Issue::UnknownAlias,
                   tr("alias %1 was not defined by a BIRTH").arg(alias));
    }
}

void SparkplugTracker::onNodeBirth(Node &node, const Sparkplug::Summary &summary, qint64 msecs)
{
    // A (re)birth starts over: seq from the NBIRTH's (0 [tck-id-payloads-nbirth-seq]), aliases
    // from its metrics, and the devices must announce themselves again with DBIRTH.
    EndpointState &state = node.endpoint.state;
    state.online = true;
    state.bdSeq = summary.bdSeq;
    state.lastSeq = summary.seq;
    state.lastBirthMsecs = msecs;
    node.endpoint.aliases = summary.aliasNames;
    for (Endpoint &device : node.devices) {
        device.state.online = false;
        device.aliases.clear();
    }
}

void SparkplugTracker::onNodeDeath(Node &node, const Sparkplug::Summary &summary, qint64 msecs,
                                   Observation *out)
{
    EndpointState &state = node.endpoint.state;
    // [tck-id-payloads-ndeath-bdseq] the will's bdSeq matches the NBIRTH of the same session;
    // a mismatch is a stale will (the node reconnected in between) and does not end this one.
    if (state.bdSeq && summary.bdSeq && *state.bdSeq != *summary.bdSeq) {
        report(node.endpoint, out, Issue::BdSeqMismatch,
               tr("NDEATH with bdSeq %1, the NBIRTH announced %2")
                   .arg(*summary.bdSeq)
                   .arg(*state.bdSeq));
        return;
    }
    state.online = false;
    state.lastDeathMsecs = msecs;
    // [tck-id-operational-behavior-edge-node-termination-host-action-ndeath-devices-offline]
    for (Endpoint &device : node.devices) {
        if (device.state.online) {
            device.state.online = false;
            device.state.lastDeathMsecs = msecs;
        }
    }
}

void SparkplugTracker::checkSequence(Node &node, const Sparkplug::Summary &summary,
                                     Observation *out)
{
    EndpointState &state = node.endpoint.state;
    if (!summary.seq) { // [tck-id-payloads-sequence-num-always-included]
        report(node.endpoint, out, Issue::MalformedPayload, tr("the payload has no seq"));
        return;
    }
    const quint64 received = *summary.seq;
    if (state.lastSeq) {
        // [tck-id-payloads-sequence-num-incrementing] 0..255, then 0 again
        const quint64 expected = (*state.lastSeq + 1) % 256;
        const quint64 ahead = (received + 256 - expected) % 256;
        if (received > 255 || ahead >= 128) {
            report(node.endpoint, out, Issue::SequenceOutOfOrder,
                   tr("seq %1 expected, %2 received (out of order)").arg(expected).arg(received));
        } else if (ahead != 0) {
            report(node.endpoint, out, Issue::SequenceGap,
                   tr("seq %1 expected, %2 received").arg(expected).arg(received));
        }
    }
    state.lastSeq = received;
}

void SparkplugTracker::onDeviceMessage(const Sparkplug::TopicName &topic, Node &node,
                                       const Sparkplug::Summary &summary, qint64 msecs,
                                       Observation *out)
{
    Endpoint &device = node.devices[topic.device];
    device.state.lastSeq = summary.seq;
    if (topic.type == MessageType::DBirth) {
        device.state.online = true;
        device.state.lastBirthMsecs = msecs;
        device.aliases = summary.aliasNames;
        return;
    }
    if (!device.state.online) {
        report(device, out, Issue::DataWithoutBirth,
               tr("%1 from %2/%3 before its DBIRTH")
                   .arg(Sparkplug::typeName(topic.type), nodeKey(topic.group, topic.edgeNode),
                        topic.device));
    }
    if (topic.type == MessageType::DDeath) {
        device.state.online = false;
        device.state.lastDeathMsecs = msecs;
    }
}

std::optional<SparkplugTracker::EndpointState> SparkplugTracker::node(const QString &group,
                                                                      const QString &edgeNode) const
{
    const auto found = m_nodes.constFind(nodeKey(group, edgeNode));
    if (found == m_nodes.cend())
        return std::nullopt;
    return found->endpoint.state;
}

std::optional<SparkplugTracker::EndpointState>
SparkplugTracker::device(const QString &group, const QString &edgeNode, const QString &device) const
{
    const auto found = m_nodes.constFind(nodeKey(group, edgeNode));
    if (found == m_nodes.cend())
        return std::nullopt;
    const auto d = found->devices.constFind(device);
    if (d == found->devices.cend())
        return std::nullopt;
    return d->state;
}

std::optional<bool> SparkplugTracker::hostOnline(const QString &hostId) const
{
    const auto found = m_hosts.constFind(hostId);
    return found == m_hosts.cend() ? std::nullopt : std::optional<bool>(*found);
}

QHash<quint64, QString> SparkplugTracker::aliases(const QString &group, const QString &edgeNode,
                                                  const QString &device) const
{
    const auto found = m_nodes.constFind(nodeKey(group, edgeNode));
    if (found == m_nodes.cend())
        return {};
    if (device.isEmpty())
        return found->endpoint.aliases;
    const auto d = found->devices.constFind(device);
    return d == found->devices.cend() ? QHash<quint64, QString>() : d->aliases;
}

void SparkplugTracker::clear()
{
    m_nodes.clear();
    m_hosts.clear();
}

} // namespace mqttscope

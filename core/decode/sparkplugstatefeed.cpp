// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugstatefeed.h"

namespace mqttscope {

namespace {

using Sparkplug::MessageType;

constexpr QByteArrayView Namespace = "spBv1.0/";

QString nodeKey(const QString &group, const QString &edgeNode)
{
    return group + u'/' + edgeNode;
}

SparkplugEndpointChange shown(const SparkplugTracker::EndpointState &state)
{
    SparkplugEndpointChange change;
    change.online = state.online;
    change.issueCount = state.issueCount;
    change.lastIssue = state.lastIssue;
    return change;
}

} // namespace

void SparkplugStateFeed::observe(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        if (message.topic.startsWith(Namespace))
            observeOne(message);
    }
}

void SparkplugStateFeed::observeOne(const Message &message)
{
    const SparkplugTracker::Observation observation =
        m_tracker.observe(message, SparkplugTracker::Detail::State);
    if (!observation.topic)
        return;
    const Sparkplug::TopicName &topic = *observation.topic;
    if (topic.type == MessageType::State) {
        noteHost(topic.hostId);
        return;
    }
    // DATA and commands change what a row shows only with an issue (an endpoint not born yet
    // is one): the clean flood stops here.
    const bool quiet = topic.type == MessageType::NData || topic.type == MessageType::DData
        || topic.type == MessageType::NCmd || topic.type == MessageType::DCmd;
    if (quiet && observation.reports.isEmpty())
        return;
    noteNode(topic.group, topic.edgeNode);
    QSet<QString> &devices = m_devices[nodeKey(topic.group, topic.edgeNode)];
    if (topic.isDeviceMessage()) {
        devices.insert(topic.device);
        noteDevice(topic.group, topic.edgeNode, topic.device);
    }
    // A node's BIRTH and DEATH take its devices offline with it.
    if (topic.type == MessageType::NBirth || topic.type == MessageType::NDeath) {
        for (const QString &device : std::as_const(devices))
            noteDevice(topic.group, topic.edgeNode, device);
    }
    const bool birth = topic.type == MessageType::NBirth || topic.type == MessageType::DBirth;
    if (birth && observation.decoded.status != DecodedPayload::Status::Failed) {
        m_births.append({topic.group, topic.edgeNode, topic.device, message.receivedMsecsSinceEpoch,
                         m_tracker.aliases(topic.group, topic.edgeNode, topic.device)});
    }
}

void SparkplugStateFeed::noteNode(const QString &group, const QString &edgeNode)
{
    const auto state = m_tracker.node(group, edgeNode);
    if (!state)
        return;
    SparkplugEndpointChange change = shown(*state);
    change.group = group;
    change.edgeNode = edgeNode;
    note(nodeKey(group, edgeNode), change);
}

void SparkplugStateFeed::noteDevice(const QString &group, const QString &edgeNode,
                                    const QString &device)
{
    const auto state = m_tracker.device(group, edgeNode, device);
    if (!state)
        return;
    SparkplugEndpointChange change = shown(*state);
    change.group = group;
    change.edgeNode = edgeNode;
    change.device = device;
    note(nodeKey(group, edgeNode) + u'/' + device, change);
}

void SparkplugStateFeed::noteHost(const QString &hostId)
{
    const std::optional<bool> online = m_tracker.hostOnline(hostId);
    if (!online)
        return;
    SparkplugEndpointChange change;
    change.hostId = hostId;
    change.online = *online;
    note(QStringLiteral("STATE/") + hostId,
         change); // no group is called STATE: that level names hosts
}

void SparkplugStateFeed::note(const QString &key, const SparkplugEndpointChange &now)
{
    const auto before = m_shown.constFind(key);
    if (before != m_shown.cend() && *before == now)
        return;
    m_shown.insert(key, now);
    m_changed.insert(key, now);
}

SparkplugStateChanges SparkplugStateFeed::takeChanges()
{
    SparkplugStateChanges changes;
    changes.endpoints = m_changed.values();
    changes.births = std::exchange(m_births, {});
    m_changed.clear();
    return changes;
}

} // namespace mqttscope

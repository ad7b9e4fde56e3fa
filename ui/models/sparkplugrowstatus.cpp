// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sparkplugrowstatus.h"

#include <QStringList>

namespace mqttscope {

namespace {

constexpr QByteArrayView Namespace = "spBv1.0/";
constexpr QByteArrayView HostNamespace = "spBv1.0/STATE/";

QString keyOf(const SparkplugEndpointChange &change)
{
    if (change.isHost())
        return QStringLiteral("STATE/") + change.hostId;
    QString key = change.group + u'/' + change.edgeNode;
    if (!change.device.isEmpty())
        key += u'/' + change.device;
    return key;
}

} // namespace

void SparkplugRowStatus::update(const SparkplugEndpointChange &change)
{
    m_endpoints.insert(keyOf(change), {change.online, change.issueCount, change.lastIssue});
}

bool SparkplugRowStatus::isHostTopic(QByteArrayView topic)
{
    return topic.startsWith(HostNamespace);
}

const SparkplugRowStatus::Endpoint *SparkplugRowStatus::forTopic(QByteArrayView topic) const
{
    if (m_endpoints.isEmpty() || !topic.startsWith(Namespace))
        return nullptr;
    const QStringList levels = QString::fromUtf8(topic.sliced(Namespace.size())).split(u'/');
    QString key;
    if (levels.size() == 2 && levels[0] == u"STATE")
        key = levels.join(u'/');
    else if (levels.size() == 3 || levels.size() == 4) // group/type/node[/device]
        key = levels[0] + u'/' + levels.mid(2).join(u'/');
    else
        return nullptr;
    const auto it = m_endpoints.constFind(key);
    return it == m_endpoints.constEnd() ? nullptr : &*it;
}

void SparkplugRowStatus::appendRowsOf(const TopicStore &store,
                                      const SparkplugEndpointChange &change,
                                      QList<TopicNodeId> *rows)
{
    if (change.isHost()) {
        const TopicNodeId host = store.find(HostNamespace.toByteArray() + change.hostId.toUtf8());
        if (host != TopicStore::InvalidId)
            rows->append(host);
        return;
    }
    // Walked level by level: a flood of issues changes every endpoint each tick.
    const TopicNodeId group = store.find(Namespace.toByteArray() + change.group.toUtf8());
    if (group == TopicStore::InvalidId)
        return;
    const QByteArray node = change.edgeNode.toUtf8();
    const QByteArray device = change.device.toUtf8();
    for (const TopicNodeId type : store.children(group)) {
        TopicNodeId row = store.findChild(type, node);
        if (row != TopicStore::InvalidId && !device.isEmpty())
            row = store.findChild(row, device);
        if (row != TopicStore::InvalidId)
            rows->append(row);
    }
}

} // namespace mqttscope

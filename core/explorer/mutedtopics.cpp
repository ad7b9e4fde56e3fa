// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/mutedtopics.h"

#include "protocol/topic.h"

namespace mqttscope {

void MutedTopics::setPatterns(const QStringList &patterns)
{
    m_patterns.clear();
    m_filters.clear();
    m_filterCounts.clear();
    m_subtreeRoots.clear();
    for (const QString &pattern : patterns) {
        const QByteArray filter = pattern.trimmed().toUtf8();
        if (filter.isEmpty() || !Topic::filterProblem(filter).isEmpty()
            || m_filters.contains(filter))
            continue;
        m_patterns.append(QString::fromUtf8(filter));
        m_filters.append(filter);
        m_filterCounts.append(0);
        if (filter.endsWith("/#"))
            m_subtreeRoots.insert(filter.chopped(2), int(m_filters.size() - 1));
    }
    m_verdicts.clear();
    m_nodeStates.clear();
}

int MutedTopics::matchingFilter(QByteArrayView topic) const
{
    for (qsizetype i = 0; i < m_filters.size(); ++i) {
        if (Topic::matches(m_filters.at(i), topic))
            return int(i);
    }
    return -1;
}

MutedTopics::Verdict &MutedTopics::verdict(const QByteArray &topic)
{
    auto it = m_verdicts.find(topic);
    if (it != m_verdicts.end())
        return *it;
    if (m_verdicts.size() >= maxCachedTopics) {
        m_verdicts.clear();
    }
    return *m_verdicts.insert(topic, Verdict{matchingFilter(topic), 0});
}

bool MutedTopics::isMuted(QByteArrayView topic)
{
    return !isEmpty() && verdict(topic.toByteArray()).filter >= 0;
}

QList<Message> MutedTopics::filter(const QList<Message> &messages)
{
    if (isEmpty())
        return messages;
    QList<Message> shown;
    qsizetype firstMuted = -1;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &message = messages.at(i);
        Verdict &v = verdict(message.topic);
        if (v.filter < 0) {
            if (firstMuted >= 0)
                shown.append(message);
            continue;
        }
        if (firstMuted < 0) { // the first muted one: copy what went before
            firstMuted = i;
            shown.reserve(messages.size() - 1);
            for (qsizetype j = 0; j < i; ++j) // appending a list would drop the reserve
                shown.append(messages.at(j));
        }
        ++v.count;
        ++m_filterCounts[v.filter];
        ++m_total;
    }
    if (firstMuted < 0)
        return messages;
    m_countsChanged = true;
    return shown;
}

bool MutedTopics::isNodeMuted(const TopicStore &store, TopicNodeId node)
{
    if (isEmpty() || node == TopicStore::RootId)
        return false;
    if (m_nodeStates.size() <= node)
        m_nodeStates.resize(std::size_t(store.nodeIdLimit()), 0);
    quint8 &state = m_nodeStates[node];
    if (state == 0) {
        state = matchingFilter(store.topic(node)) >= 0 ? 2 : 1; // "a/#" mutes "a" too
    }
    return state == 2;
}

quint64 MutedTopics::nodeMutedCount(const TopicStore &store, TopicNodeId node)
{
    if (!isNodeMuted(store, node))
        return 0;
    const QByteArray topic = store.topic(node);
    if (const auto root = m_subtreeRoots.constFind(topic); root != m_subtreeRoots.cend())
        return m_filterCounts.at(*root);
    const auto it = m_verdicts.constFind(topic);
    return it == m_verdicts.cend() ? 0 : it->count;
}

QStringList MutedTopics::patternsMuting(QByteArrayView topic) const
{
    QStringList result;
    for (qsizetype i = 0; i < m_filters.size(); ++i) {
        if (Topic::matches(m_filters.at(i), topic))
            result.append(m_patterns.at(i));
    }
    return result;
}

bool MutedTopics::takeCountsChanged()
{
    return std::exchange(m_countsChanged, false);
}

void MutedTopics::forgetNodes()
{
    m_nodeStates.clear();
}

} // namespace mqttscope

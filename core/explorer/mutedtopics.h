// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicstore.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

namespace mqttscope {

// The connection's muted topics: MQTT topic filters whose messages are counted but kept out of
// the tree, the history and the plot (the subscription stays as it is). filter() runs on every
// batch, so each topic's verdict is cached: one hash lookup per message, the filters matched
// once per topic. A row's marker asks per node (cached too, by node id).
class MutedTopics
{
public:
    // How many topics' verdicts are kept; beyond it the cache starts afresh (the per-topic
    // counts with it, the totals stay).
    static constexpr qsizetype maxCachedTopics = 65536;

    bool isEmpty() const { return m_filters.isEmpty(); }
    QStringList patterns() const { return m_patterns; }
    // Invalid filters are skipped. Counts restart for the topics whose verdict changed.
    void setPatterns(const QStringList &patterns);

    // The messages of `messages` that are not muted; the same list when none is.
    QList<Message> filter(const QList<Message> &messages);
    bool isMuted(QByteArrayView topic);

    quint64 mutedTotal() const { return m_total; } // since the connection's tab opened
    // Whether `node`'s topic is muted, and the muted messages its row shows: those of a subtree
    // pattern rooted there ("a/#" on "a"), else the topic's own.
    bool isNodeMuted(const TopicStore &store, TopicNodeId node);
    quint64 nodeMutedCount(const TopicStore &store, TopicNodeId node);
    // The patterns that mute `topic` (for Unmute).
    QStringList patternsMuting(QByteArrayView topic) const;
    // Whether a count rose since the last call (the muted rows need repainting).
    bool takeCountsChanged();
    void forgetNodes(); // the store was cleared: node ids restart

private:
    struct Verdict
    {
        int filter = -1; // index into m_filters, -1 when not muted
        quint64 count = 0;
    };
    Verdict &verdict(const QByteArray &topic);
    int matchingFilter(QByteArrayView topic) const;

    QStringList m_patterns;
    QList<QByteArray> m_filters;
    QList<quint64> m_filterCounts; // per filter
    QHash<QByteArray, int> m_subtreeRoots; // "a" for "a/#": index into m_filters
    QHash<QByteArray, Verdict> m_verdicts;
    std::vector<quint8> m_nodeStates; // by node id: 0 unknown, 1 shown, 2 muted
    bool m_countsChanged = false;
    quint64 m_total = 0;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/topicstore.h"

#include <QDateTime>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace mqttscope {

TopicStore::TopicStore()
{
    clear();
}

void TopicStore::clear()
{
    m_nodes.clear();
    m_nodes.append(); // the root: no level, no parent
    m_segments.clear();
    m_childIndex.clear();
    m_branches.clear();
    m_ratedNodes.clear();
    m_properties.clear();
    m_changes = {};
    m_insertedIndex.clear();
    m_windowStartId = 1;
}

void TopicStore::ingest(const QList<Message> &messages)
{
    ingest(messages, QDateTime::currentMSecsSinceEpoch());
}

void TopicStore::ingest(const QList<Message> &messages, qint64 nowMsecs, SupersededSink *superseded)
{
    const quint32 second = secondOf(nowMsecs);
    for (const Message &message : messages) {
        touch(RootId, second);
        TopicNodeId node = RootId;
        const char *level = message.topic.constData();
        const char *const end = level + message.topic.size();
        for (;;) {
            const auto *slash =
                static_cast<const char *>(std::memchr(level, '/', std::size_t(end - level)));
            const char *levelEnd = slash ? slash : end;
            node = childFor(node, QByteArrayView(level, levelEnd - level));
            touch(node, second);
            if (!slash)
                break;
            level = slash + 1;
        }
        if (superseded && (m_nodes[node].flags() & HasMessage))
            superseded->supersede(node, takeLatest(node));
        setLatest(node, message, nowMsecs);
    }
}

inline void TopicStore::setLatest(TopicNodeId node, const Message &message, qint64 nowMsecs)
{
    Node &n = m_nodes[node];
    n.payload = message.payload;
    n.lastChangeMsecs = nowMsecs;
    n.receivedMsecs = message.receivedMsecsSinceEpoch;
    n.sequence = issueSequence();
    auto flags = quint16(n.flags() & ~(QosMask | LatestRetain | LatestDup));
    flags |= quint16((message.qos & QosMask) | (message.retain ? LatestRetain : 0)
                     | (message.dup ? LatestDup : 0));
    // The broker holds a retained message once one arrives with the flag; an empty payload
    // is how a retained message is deleted [MQTT-3.3.1-10], so it clears the marker.
    if (message.payload.isEmpty())
        flags &= ~Retained;
    else if (message.retain)
        flags |= Retained;
    if (!message.properties.isEmpty()) {
        m_properties.insert(node, message.properties);
        flags |= LatestProperties;
    } else if (flags & LatestProperties) {
        m_properties.remove(node);
        flags &= ~LatestProperties;
    }
    if (!(flags & HasMessage)) {
        flags |= HasMessage;
        for (TopicNodeId a = n.parent;; a = m_nodes[a].parent) {
            ++m_branches[m_nodes[a].branch - 1].subtreeTopics;
            if (a == RootId)
                break;
        }
    }
    n.countAndFlags = ((n.ownMessages() + 1) << FlagBits) | flags;
}

inline HistoryEntry TopicStore::entryWithoutData(const Node &n)
{
    HistoryEntry entry;
    entry.receivedMsecs = n.receivedMsecs;
    entry.sequence = n.sequence;
    entry.qos = n.flags() & QosMask;
    entry.retain = n.flags() & LatestRetain;
    entry.dup = n.flags() & LatestDup;
    return entry;
}

HistoryEntry TopicStore::latestEntry(TopicNodeId node) const
{
    const Node &n = m_nodes[node];
    HistoryEntry entry = entryWithoutData(n);
    entry.payload = n.payload;
    if (n.flags() & LatestProperties)
        entry.properties = m_properties.value(node);
    return entry;
}

inline HistoryEntry TopicStore::takeLatest(TopicNodeId node)
{
    Node &n = m_nodes[node];
    HistoryEntry entry = entryWithoutData(n);
    entry.payload = std::move(n.payload);
    if (n.flags() & LatestProperties)
        entry.properties = m_properties.take(node); // setLatest() updates the flag
    return entry;
}

TopicNodeId TopicStore::childFor(TopicNodeId parent, QByteArrayView level)
{
    const quint32 segment = m_segments.intern(level);
    const TopicNodeId child = m_childIndex.find({parent, segment}, keyOfNode());
    return child != ChildIndex::NotFound ? child : createChild(parent, segment);
}

TopicNodeId TopicStore::createChild(TopicNodeId parent, quint32 segment)
{
    const auto id = TopicNodeId(m_nodes.size());
    Node &n = m_nodes.append();
    n.parent = parent;
    n.segment = segment;

    std::vector<TopicNodeId> &siblings = branchOf(parent).children;
    n.row = quint32(siblings.size());
    siblings.push_back(id);
    m_childIndex.insert({parent, segment}, id);

    if (parent < m_windowStartId) {
        const int row = int(n.row);
        const auto it = m_insertedIndex.constFind(parent);
        if (it == m_insertedIndex.cend()) {
            m_insertedIndex.insert(parent, m_changes.inserted.size());
            m_changes.inserted.append({parent, row, row});
        } else {
            m_changes.inserted[*it].last = row;
        }
    }
    return id;
}

TopicStore::Branch &TopicStore::branchOf(TopicNodeId node)
{
    Node &n = m_nodes[node];
    if (n.branch == 0) {
        // Only ingest() adds children, right after touch() counted the message at the parent:
        // as a leaf, whose subtree is its own messages, which do not hold this one yet.
        m_branches.push_back(Branch{{}, n.ownMessages() + 1, 0});
        n.branch = quint32(m_branches.size());
    }
    return m_branches[n.branch - 1];
}

void TopicStore::touch(TopicNodeId node, quint32 second)
{
    Node &n = m_nodes[node];
    if (n.branch != 0)
        ++m_branches[n.branch - 1].subtreeMessages;
    quint16 flags = n.flags();
    // A node off the rated list has counted nothing for seconds: its counters start afresh.
    const bool counting = (flags & RateListed) || node == RootId;
    n.rate.add(quint16(second), counting);
    if (node != RootId) {
        if (!(flags & RateListed)) {
            flags |= RateListed;
            m_ratedNodes.push_back(node);
        }
        if (node < m_windowStartId && !(flags & Updated)) {
            flags |= Updated;
            m_changes.updated.append(node);
        }
    }
    n.setFlags(flags);
}

TopicStoreChanges TopicStore::takeChanges()
{
    TopicStoreChanges changes;
    changes.inserted.swap(m_changes.inserted);
    changes.updated.swap(m_changes.updated);
    for (const TopicNodeId node : std::as_const(changes.updated))
        m_nodes[node].setFlags(m_nodes[node].flags() & ~Updated);
    m_insertedIndex.clear();
    m_windowStartId = nodeIdLimit();
    return changes;
}

void TopicStore::removeSubtree(TopicNodeId node)
{
    Q_ASSERT(node != RootId && isAlive(node));
    Q_ASSERT(!hasChanges());

    const Node &removed = m_nodes[node];
    const quint64 messages = subtreeMessageCount(node);
    const quint32 topics = subtreeTopicCount(node) + (hasMessage(node) ? 1 : 0);
    const TopicNodeId parent = removed.parent;
    for (TopicNodeId a = parent;; a = m_nodes[a].parent) {
        Branch &b = m_branches[m_nodes[a].branch - 1];
        b.subtreeMessages -= messages;
        b.subtreeTopics -= topics;
        if (a == RootId)
            break;
    }

    std::vector<TopicNodeId> &siblings = m_branches[m_nodes[parent].branch - 1].children;
    siblings.erase(siblings.begin() + removed.row);
    for (std::size_t row = removed.row; row < siblings.size(); ++row)
        m_nodes[siblings[row]].row = quint32(row);

    std::vector<TopicNodeId> pending{node};
    while (!pending.empty()) {
        const TopicNodeId id = pending.back();
        pending.pop_back();
        Node &n = m_nodes[id];
        m_childIndex.remove({n.parent, n.segment}, keyOfNode());
        if (n.branch != 0) {
            std::vector<TopicNodeId> &children = m_branches[n.branch - 1].children;
            pending.insert(pending.end(), children.begin(), children.end());
            std::vector<TopicNodeId>().swap(children);
            n.branch = 0;
        }
        n.payload = QByteArray();
        if (n.flags() & LatestProperties)
            m_properties.remove(id);
        n.setFlags(Removed);
    }
}

int TopicStore::childCount(TopicNodeId node) const
{
    return int(children(node).size());
}

TopicNodeId TopicStore::child(TopicNodeId node, int row) const
{
    return m_branches[m_nodes[node].branch - 1].children[std::size_t(row)];
}

const std::vector<TopicNodeId> &TopicStore::children(TopicNodeId node) const
{
    static const std::vector<TopicNodeId> none;
    const quint32 branch = m_nodes[node].branch;
    return branch == 0 ? none : m_branches[branch - 1].children;
}

TopicNodeId TopicStore::findChild(TopicNodeId node, QByteArrayView level) const
{
    const quint32 segment = m_segments.find(level);
    if (segment == SegmentTable::NotFound)
        return InvalidId;
    const TopicNodeId child = m_childIndex.find({node, segment}, keyOfNode());
    return child == ChildIndex::NotFound ? InvalidId : child;
}

TopicNodeId TopicStore::find(QByteArrayView topic) const
{
    TopicNodeId node = RootId;
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = topic.indexOf('/', start);
        const qsizetype end = slash < 0 ? topic.size() : slash;
        node = findChild(node, topic.sliced(start, end - start));
        if (node == InvalidId || slash < 0)
            return node;
        start = slash + 1;
    }
}

int TopicStore::depth(TopicNodeId node) const
{
    int depth = 0;
    for (; node != RootId; node = m_nodes[node].parent)
        ++depth;
    return depth;
}

QByteArray TopicStore::topic(TopicNodeId node) const
{
    QVarLengthArray<TopicNodeId, 16> chain;
    qsizetype size = 0;
    for (; node != RootId; node = m_nodes[node].parent) {
        chain.append(node);
        size += level(node).size() + 1;
    }
    QByteArray topic;
    topic.reserve(size);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if (it != chain.crbegin())
            topic.append('/');
        topic.append(level(*it));
    }
    return topic;
}

quint32 TopicStore::messagesPerSecond(TopicNodeId node, qint64 nowMsecs) const
{
    const Node &n = m_nodes[node];
    if (!(n.flags() & RateListed) && node != RootId)
        return 0;
    const auto age = quint16(quint16(secondOf(nowMsecs)) - n.rate.second());
    if (age == 0)
        return n.rate.previous();
    if (age == 1)
        return n.rate.count();
    return 0;
}

std::size_t TopicStore::forgetSettledRates(qint64 nowMsecs, std::size_t from, std::size_t to)
{
    const quint32 second = secondOf(nowMsecs);
    to = qMin(to, m_ratedNodes.size());
    from = qMin(from, to);
    const auto first = m_ratedNodes.begin() + qsizetype(from);
    const auto last = m_ratedNodes.begin() + qsizetype(to);
    const auto kept = std::remove_if(first, last, [this, second](TopicNodeId id) {
        Node &n = m_nodes[id];
        if (n.flags() & Removed)
            return true;
        // Counts this second or the one before: still shown, or about to be. An age past half
        // the 16-bit range is a second ahead of `nowMsecs` (a clock set back), kept too.
        const auto age = quint16(quint16(second) - n.rate.second());
        if (age <= 1 || age >= 0x8000)
            return false;
        n.setFlags(n.flags() & ~RateListed);
        return true;
    });
    const auto next = std::size_t(kept - m_ratedNodes.begin());
    m_ratedNodes.erase(kept, last);
    return next;
}

QList<TopicNodeId> TopicStore::retainedUnder(TopicNodeId node) const
{
    QList<TopicNodeId> retained;
    visitSubtree(node, [this, &retained](TopicNodeId id) {
        if (m_nodes[id].flags() & Retained)
            retained.append(id);
    });
    return retained;
}

} // namespace mqttscope

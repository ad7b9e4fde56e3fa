// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/childindex.h"
#include "explorer/chunkedarray.h"
#include "explorer/historyentry.h"
#include "explorer/segmenttable.h"
#include "explorer/topicstorechanges.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <vector>

namespace mqttscope {

// The truth about one connection's topics: a trie of topic levels built from every message
// received. Nodes live in one chunked array and are named by ids (the root is 0, ids are never
// reused until clear(), and a parent's id is always below its children's), level texts are
// interned, and the children of a node are found through one shared hash. A node is 80 bytes;
// what only a node with children needs (its children, its subtree's counters) lives in a side
// table, since most nodes of a large tree are leaves (docs/performance.md, "Memory per topic").
//
// A node's latest message is the only record of it, whole (flags, time, MQTT 5 properties in a
// side table, since few messages carry any): MessageHistory keeps only the messages a newer one
// superseded, which ingest() hands over. Every message taken in gets the next number of one
// sequence (HistoryEntry::sequence), which clear() does not restart.
//
// Knows nothing of item models: it records what changed since takeChanges() so that a model
// can announce a whole batch with one insert per parent per range and one update per row.
class TopicStore
{
public:
    static constexpr TopicNodeId RootId = 0;
    static constexpr TopicNodeId InvalidId = 0xffffffffu;

    TopicStore();

    // Takes each latest message that a newer one on the same topic replaces (the history).
    class SupersededSink
    {
    public:
        virtual void supersede(TopicNodeId topic, HistoryEntry &&entry) = 0;

    protected:
        ~SupersededSink() = default;
    };

    // Applies a batch in one pass; `nowMsecs` stamps the change and feeds the rates. When
    // `superseded` is given it takes each latest message the batch replaces, in order, as it
    // goes (handed over directly: no list per batch on the hot path).
    void ingest(const QList<Message> &messages, qint64 nowMsecs,
                SupersededSink *superseded = nullptr);
    void ingest(const QList<Message> &messages); // now = the wall clock

    TopicStoreChanges takeChanges();
    bool hasChanges() const { return !m_changes.isEmpty(); }

    // Forgets every topic (ids restart); pending changes are dropped too.
    void clear();
    // Removes `node` and everything below it (e.g. after deleting retained messages); the
    // parent's later children move up one row. Call takeChanges() first: pending changes
    // would refer to old rows.
    void removeSubtree(TopicNodeId node);

    // All ids below nodeIdLimit() were handed out; removed ones report isAlive() false.
    TopicNodeId nodeIdLimit() const { return TopicNodeId(m_nodes.size()); }
    bool isAlive(TopicNodeId node) const
    {
        return node < m_nodes.size() && !(m_nodes[node].flags() & Removed);
    }
    qint64 topicCount() const { return subtreeTopicCount(RootId); } // nodes with a message

    TopicNodeId parent(TopicNodeId node) const { return m_nodes[node].parent; }
    int row(TopicNodeId node) const { return int(m_nodes[node].row); } // index in its parent
    int childCount(TopicNodeId node) const;
    TopicNodeId child(TopicNodeId node, int row) const;
    // Children in insertion order; empty for a leaf.
    const std::vector<TopicNodeId> &children(TopicNodeId node) const;
    TopicNodeId findChild(TopicNodeId node, QByteArrayView level) const; // InvalidId if absent
    TopicNodeId find(QByteArrayView topic) const; // InvalidId if absent

    QByteArrayView level(TopicNodeId node) const { return m_segments.text(m_nodes[node].segment); }
    quint32 levelId(TopicNodeId node) const { return m_nodes[node].segment; }
    const SegmentTable &levels() const { return m_segments; }
    QByteArray topic(TopicNodeId node) const; // the full topic name, e.g. "a/b/c"
    int depth(TopicNodeId node) const; // 0 for the root, 1 for a first level

    bool hasMessage(TopicNodeId node) const { return m_nodes[node].flags() & HasMessage; }
    // Valid until the store changes; copy it (cheap, shared) to keep it.
    const QByteArray &latestPayload(TopicNodeId node) const { return m_nodes[node].payload; }
    quint8 latestQos(TopicNodeId node) const { return m_nodes[node].flags() & QosMask; }
    quint64 latestSequence(TopicNodeId node) const { return m_nodes[node].sequence; }
    HistoryEntry latestEntry(TopicNodeId node) const; // of a node with a message
    // The next number of the sequence, for a message the history takes from elsewhere.
    quint64 issueSequence() { return m_nextSequence++; }
    // Gives the latest message the next number, e.g. after older ones were issued theirs.
    void renumberLatest(TopicNodeId node) { m_nodes[node].sequence = issueSequence(); }
    bool isRetained(TopicNodeId node) const { return m_nodes[node].flags() & Retained; }
    qint64 lastChangeMsecs(TopicNodeId node) const { return m_nodes[node].lastChangeMsecs; }
    quint64 messageCount(TopicNodeId node) const { return m_nodes[node].ownMessages(); }
    quint64 subtreeMessageCount(TopicNodeId node) const
    {
        const Node &n = m_nodes[node];
        return n.branch == 0 ? n.ownMessages() : m_branches[n.branch - 1].subtreeMessages;
    }
    // Topics (nodes with a message) strictly below `node`.
    quint32 subtreeTopicCount(TopicNodeId node) const
    {
        const quint32 branch = m_nodes[node].branch;
        return branch == 0 ? 0 : m_branches[branch - 1].subtreeTopics;
    }
    // Messages per second into the subtree: the count of the last complete second.
    quint32 messagesPerSecond(TopicNodeId node, qint64 nowMsecs) const;
    // Nodes (never the root) whose messagesPerSecond() may be above zero now or at the next
    // second boundary: those that received messages in the last two seconds, each once, until
    // forgetSettledRates() drops them. A view refreshes their rate as it falls, and needs no
    // timer at all when this is empty.
    const std::vector<TopicNodeId> &ratedNodes() const { return m_ratedNodes; }
    // Drops from ratedNodes() the nodes whose rate is zero at `nowMsecs` and stays so until
    // their next message (and the removed ones).
    void forgetSettledRates(qint64 nowMsecs)
    {
        forgetSettledRates(nowMsecs, 0, m_ratedNodes.size());
    }
    // The same for the entries [from, to) of ratedNodes() only, so that a view can go through a
    // million in slices; returns where the entries after them now start.
    std::size_t forgetSettledRates(qint64 nowMsecs, std::size_t from, std::size_t to);

    // Nodes at or below `node` whose latest message was retained (for deleting retained).
    QList<TopicNodeId> retainedUnder(TopicNodeId node) const;
    // Calls `visit(id)` for `node` and everything below it, parents before children and
    // siblings in row order.
    template<typename Visit>
    void visitSubtree(TopicNodeId node, Visit visit) const
    {
        std::vector<TopicNodeId> pending{node};
        while (!pending.empty()) {
            const TopicNodeId id = pending.back();
            pending.pop_back();
            visit(id);
            const std::vector<TopicNodeId> &kids = children(id);
            pending.insert(pending.end(), kids.rbegin(), kids.rend());
        }
    }

private:
    enum Flag : quint16 {
        QosMask = 0x03,
        Retained = 0x04, // the broker holds a retained message (not the latest's own flag)
        HasMessage = 0x08,
        Removed = 0x10,
        RateListed = 0x20, // in m_ratedNodes
        Updated = 0x40, // in m_changes.updated
        LatestRetain = 0x80, // the latest message's flags as it came
        LatestDup = 0x100,
        LatestProperties = 0x200, // in m_properties
    };
    static constexpr int FlagBits = 16;

    // The messages-per-second counters in one word: the second they count (its low 16 bits,
    // trusted only while the node is RateListed, i.e. seen within the last seconds), that
    // second's count and the one before's, each saturating at 2^24 - 1.
    struct Rate
    {
        static constexpr quint32 CountMax = 0xffffff;
        static constexpr quint64 CountOne = quint64(1) << 16;
        quint64 packed = 0;

        quint16 second() const { return quint16(packed); }
        quint32 count() const { return quint32(packed >> 16) & CountMax; }
        quint32 previous() const { return quint32(packed >> 40); }
        // Counts a message in `now`; `fresh` false when the counters are stale.
        void add(quint16 now, bool fresh)
        {
            if (fresh && second() == now) {
                if (count() < CountMax)
                    packed += CountOne;
                return;
            }
            const bool lastSecond = fresh && quint16(second() + 1) == now;
            packed = now | CountOne | (quint64(lastSecond ? count() : 0) << 40);
        }
    };

    struct Node
    {
        QByteArray payload;
        qint64 lastChangeMsecs = 0;
        qint64 receivedMsecs = 0; // of the latest message
        quint64 sequence = 0; // of the latest message
        quint64 countAndFlags = 0; // own messages << FlagBits | Flag bits
        Rate rate;
        TopicNodeId parent = 0;
        quint32 segment = 0;
        quint32 row = 0;
        quint32 branch = 0; // index + 1 into m_branches, 0 while it never had a child

        quint16 flags() const { return quint16(countAndFlags); }
        void setFlags(quint16 flags) { countAndFlags = (countAndFlags & ~quint64(0xffff)) | flags; }
        quint64 ownMessages() const { return countAndFlags >> FlagBits; }
    };
    static_assert(sizeof(Node) == 80, "see the class comment");
    // What a node with children has besides: for a leaf, its subtree is its own messages.
    struct Branch
    {
        std::vector<TopicNodeId> children; // in row order
        quint64 subtreeMessages = 0; // its own and its descendants'
        quint32 subtreeTopics = 0; // nodes with a message strictly below it
    };

    // What m_childIndex reads a child's key with: the key lives in the node only.
    auto keyOfNode() const
    {
        return [this](TopicNodeId child) {
            const Node &n = m_nodes[child];
            return ChildIndex::Key{n.parent, n.segment};
        };
    }
    TopicNodeId childFor(TopicNodeId parent, QByteArrayView level);
    void setLatest(TopicNodeId node, const Message &message, qint64 nowMsecs);
    static HistoryEntry entryWithoutData(const Node &n); // all but payload and properties
    HistoryEntry takeLatest(TopicNodeId node); // the payload and properties move out
    TopicNodeId createChild(TopicNodeId parent, quint32 segment);
    Branch &branchOf(TopicNodeId node); // created when it has none yet
    void touch(TopicNodeId node, quint32 second);
    static quint32 secondOf(qint64 msecs) { return quint32(msecs / 1000); }

    ChunkedArray<Node> m_nodes;
    SegmentTable m_segments;
    ChildIndex m_childIndex;
    std::vector<Branch> m_branches;
    std::vector<TopicNodeId> m_ratedNodes;
    QHash<TopicNodeId, SharedProperties> m_properties; // of the latest messages that have any
    quint64 m_nextSequence = 1;

    TopicStoreChanges m_changes;
    QHash<TopicNodeId, qsizetype> m_insertedIndex; // parent -> its entry in m_changes.inserted
    TopicNodeId m_windowStartId = 1; // nodes from here on were created in this change window
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/chunkedarray.h"
#include "explorer/historyentry.h"
#include "explorer/topicstore.h"

#include <QHash>
#include <QList>

namespace mqttscope {

// The messages received per topic, bounded so that memory stays put under any flood. A topic's
// latest message is the one its TopicStore node holds (the store is its only record); this keeps
// the older ones, those a newer message on the same topic superseded, and lists both as one
// history. Two limits bound it: a count per topic, the latest included (1 keeps nothing older),
// and a byte budget for the connection's older messages (the latest are the store's and always
// kept). When either is exceeded an older message goes: the topic's oldest for the count, for
// the budget the one that was superseded first (the connection's oldest older message in the
// order they became older, which within a topic is the order they arrived). A payload is never
// cut.
//
// Older entries live in one pool threaded by two lists: the order they became older across the
// connection and order within each topic (a ring from the newest: the newest links to the
// oldest). The connection's oldest entry is always its topic's oldest too. An older message
// costs 64 bytes besides its payload, which it shares with the message it was.
class MessageHistory final : public TopicStore::SupersededSink
{
public:
    struct Limits
    {
        qint64 byteBudget = qint64(256) * 1024 * 1024;
        int messagesPerTopic = 1000;
    };
    // What one older message is charged besides its payload bytes: the entry and the payload's
    // allocation header, so that the budget tracks real memory for small payloads too.
    static const qint64 EntryOverheadBytes;

    explicit MessageHistory(const TopicStore &store);
    MessageHistory(const TopicStore &store, Limits limits);

    Limits limits() const { return m_limits; }
    void setLimits(Limits limits); // evicts at once to fit

    // Whether the store's superseded messages are wanted (kept, or needed to forget a cleared
    // latest); when not, ingest can skip reporting them.
    bool wantsSuperseded() const { return keepsOlder() || !m_hiddenLatest.isEmpty(); }
    // Keeps what TopicStore::ingest() reports as superseded.
    void supersede(TopicNodeId topic, HistoryEntry &&entry) override;
    // Keeps `entry` as `topic`'s newest older message; its sequence must be above the topic's
    // older ones and below its latest (TopicStore::issueSequence(), renumberLatest()).
    void keepOlder(TopicNodeId topic, HistoryEntry &&entry);

    // A topic's messages: the older ones and the latest.
    int count(TopicNodeId topic) const;
    // A topic's messages, oldest first, the store's latest last; only those with a sequence
    // above `afterSequence`.
    QList<HistoryEntry> entries(TopicNodeId topic, quint64 afterSequence = 0) const;
    quint64 oldestSequence(TopicNodeId topic) const; // 0 when the topic has none

    // What the user's "clear history" does: the topic's older messages go and its latest is no
    // longer listed (the store still shows it) until a newer one arrives.
    void clearTopic(TopicNodeId topic);
    // Forgets the topic's older messages before the store removes the topic.
    void removeTopic(TopicNodeId topic);
    void clear(); // every older message; with TopicStore::clear()

    // Of the older messages: what the budget counts.
    qint64 bytesUsed() const { return m_bytesUsed; }
    qint64 entryCount() const; // the older messages and the latest listed

private:
    static constexpr quint32 None = 0xffffffffu;

    // A HistoryEntry packed: its sequence and flags share a word.
    struct Slot
    {
        enum Flag : quint8 { QosMask = 0x03, Retain = 0x04, Dup = 0x08 };

        QByteArray payload;
        qint64 receivedMsecs = 0;
        quint64 sequenceAndFlags = 0; // sequence << 8 | Flag bits
        SharedProperties properties;
        TopicNodeId topic = 0;
        quint32 olderInConnection = None;
        quint32 newerInConnection = None;
        quint32 newerInTopic = None; // the topic's oldest for its newest; links the free slots

        quint64 sequence() const { return sequenceAndFlags >> 8; }
    };
    static_assert(sizeof(Slot) == 64, "see EntryOverheadBytes");
    struct TopicList
    {
        quint32 newest = None;
        int count = 0; // of older messages
    };

    static qint64 chargeOf(const Slot &slot);
    static HistoryEntry entryOf(const Slot &slot);
    bool keepsOlder() const { return m_limits.messagesPerTopic > 1 && m_limits.byteBudget > 0; }
    int olderPerTopic() const { return qMax(0, m_limits.messagesPerTopic - 1); }
    bool listsLatest(TopicNodeId topic) const;
    int olderCount(TopicNodeId topic) const;
    quint32 oldestOf(TopicNodeId topic) const; // None when it has no older messages
    quint32 allocateSlot();
    void evictOldestOf(TopicNodeId topic);
    void enforceBudget();

    const TopicStore &m_store;
    Limits m_limits;
    ChunkedArray<Slot> m_slots;
    quint32 m_freeSlots = None;
    ChunkedArray<TopicList> m_topics; // indexed by node id
    quint32 m_oldest = None; // of the connection
    quint32 m_newest = None;
    qint64 m_bytesUsed = 0;
    qint64 m_entryCount = 0; // of older messages
    // Topics whose history was cleared -> the sequence of the latest no longer listed.
    QHash<TopicNodeId, quint64> m_hiddenLatest;
};

} // namespace mqttscope

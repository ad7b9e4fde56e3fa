// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/chunkedarray.h"
#include "explorer/historyentry.h"
#include "explorer/topicstorechanges.h"
#include "protocol/message.h"

#include <QList>

namespace mqttscope {

// The messages received per topic, bounded so that memory stays put under any flood: a byte
// budget for the whole connection and a count per topic. When either is exceeded the oldest
// message goes first (the oldest of the connection for the budget, of the topic for the count);
// a payload is never cut.
//
// Entries live in one pool threaded by two lists: arrival order across the connection and
// order within each topic (a ring from the newest: the newest links to the oldest). The
// connection's oldest entry is always its topic's oldest too. A kept message costs 64 bytes
// besides its payload, which it shares with the message and the topic store.
class MessageHistory
{
public:
    struct Limits
    {
        qint64 byteBudget = qint64(256) * 1024 * 1024;
        int messagesPerTopic = 1000;
    };
    // What one kept message is charged besides its payload bytes: the entry and the payload's
    // allocation header, so that the budget tracks real memory for small payloads too.
    static const qint64 EntryOverheadBytes;

    MessageHistory();
    explicit MessageHistory(Limits limits);

    Limits limits() const { return m_limits; }
    void setLimits(Limits limits); // evicts at once to fit

    void append(TopicNodeId topic, const Message &message);
    // The i-th message goes to topics[i] (what TopicStore::ingest() reports).
    void append(const QList<TopicNodeId> &topics, const QList<Message> &messages);

    int count(TopicNodeId topic) const;
    // A topic's messages, oldest first; only those with a sequence above `afterSequence`.
    QList<HistoryEntry> entries(TopicNodeId topic, quint64 afterSequence = 0) const;
    quint64 oldestSequence(TopicNodeId topic) const; // 0 when the topic has none

    void removeTopic(TopicNodeId topic);
    void clear();

    qint64 bytesUsed() const { return m_bytesUsed; }
    qint64 entryCount() const { return m_entryCount; }

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
        int count = 0;
    };

    static qint64 chargeOf(const Slot &slot);
    static HistoryEntry entryOf(const Slot &slot);
    quint32 oldestOf(TopicNodeId topic) const; // None when it has no messages
    quint32 allocateSlot();
    void evictOldestOf(TopicNodeId topic);
    void enforceBudget();

    Limits m_limits;
    ChunkedArray<Slot> m_slots;
    quint32 m_freeSlots = None;
    ChunkedArray<TopicList> m_topics; // indexed by node id
    quint32 m_oldest = None; // of the connection
    quint32 m_newest = None;
    qint64 m_bytesUsed = 0;
    qint64 m_entryCount = 0;
    quint64 m_nextSequence = 1;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/messagehistory.h"

namespace mqttscope {

// The slot plus a malloc'd QByteArray header (ref count, size, capacity) and its rounding.
const qint64 MessageHistory::EntryOverheadBytes = qint64(sizeof(Slot)) + 32;

MessageHistory::MessageHistory(const TopicStore &store)
    : m_store(store)
{
}

MessageHistory::MessageHistory(const TopicStore &store, Limits limits)
    : m_store(store)
    , m_limits(limits)
{
}

qint64 MessageHistory::chargeOf(const Slot &slot)
{
    return slot.payload.size() + EntryOverheadBytes;
}

HistoryEntry MessageHistory::entryOf(const Slot &slot)
{
    HistoryEntry entry;
    entry.payload = slot.payload;
    entry.receivedMsecs = slot.receivedMsecs;
    entry.sequence = slot.sequence();
    const auto flags = quint8(slot.sequenceAndFlags);
    entry.qos = flags & Slot::QosMask;
    entry.retain = flags & Slot::Retain;
    entry.dup = flags & Slot::Dup;
    entry.properties = slot.properties;
    return entry;
}

void MessageHistory::setLimits(Limits limits)
{
    m_limits = limits;
    for (TopicNodeId topic = 0; topic < m_topics.size(); ++topic) {
        while (m_topics[topic].count > olderPerTopic())
            evictOldestOf(topic);
    }
    enforceBudget();
}

void MessageHistory::supersede(TopicNodeId topic, HistoryEntry &&entry)
{
    if (!m_hiddenLatest.isEmpty()) {
        const auto hidden = m_hiddenLatest.constFind(topic);
        if (hidden != m_hiddenLatest.cend() && *hidden == entry.sequence) {
            m_hiddenLatest.erase(hidden); // cleared: not kept, and the newer one is listed
            return;
        }
    }
    keepOlder(topic, std::move(entry));
}

void MessageHistory::keepOlder(TopicNodeId topic, HistoryEntry &&entry)
{
    if (!keepsOlder())
        return;
    m_topics.growTo(std::size_t(topic) + 1);

    const quint32 index = allocateSlot();
    Slot &slot = m_slots[index];
    slot.payload = std::move(entry.payload);
    slot.receivedMsecs = entry.receivedMsecs;
    slot.sequenceAndFlags = (entry.sequence << 8) | (entry.qos & Slot::QosMask)
        | (entry.retain ? Slot::Retain : 0) | (entry.dup ? Slot::Dup : 0);
    slot.properties = std::move(entry.properties);
    slot.topic = topic;

    slot.olderInConnection = m_newest;
    slot.newerInConnection = None;
    if (m_newest != None)
        m_slots[m_newest].newerInConnection = index;
    else
        m_oldest = index;
    m_newest = index;

    TopicList &list = m_topics[topic];
    if (list.newest != None) {
        Slot &newest = m_slots[list.newest];
        slot.newerInTopic = newest.newerInTopic;
        newest.newerInTopic = index;
    } else {
        slot.newerInTopic = index;
    }
    list.newest = index;
    ++list.count;

    m_bytesUsed += chargeOf(slot);
    ++m_entryCount;

    if (list.count > olderPerTopic())
        evictOldestOf(topic);
    enforceBudget();
}

quint32 MessageHistory::allocateSlot()
{
    if (m_freeSlots == None) {
        m_slots.append();
        return quint32(m_slots.size() - 1);
    }
    const quint32 index = m_freeSlots;
    m_freeSlots = m_slots[index].newerInTopic;
    return index;
}

void MessageHistory::enforceBudget()
{
    while (m_bytesUsed > m_limits.byteBudget && m_oldest != None)
        evictOldestOf(m_slots[m_oldest].topic);
}

quint32 MessageHistory::oldestOf(TopicNodeId topic) const
{
    if (topic >= m_topics.size() || m_topics[topic].newest == None)
        return None;
    return m_slots[m_topics[topic].newest].newerInTopic;
}

void MessageHistory::evictOldestOf(TopicNodeId topic)
{
    TopicList &list = m_topics[topic];
    const quint32 index = oldestOf(topic);
    Slot &slot = m_slots[index];

    if (index == list.newest)
        list.newest = None;
    else
        m_slots[list.newest].newerInTopic = slot.newerInTopic;
    --list.count;

    if (slot.olderInConnection != None)
        m_slots[slot.olderInConnection].newerInConnection = slot.newerInConnection;
    else
        m_oldest = slot.newerInConnection;
    if (slot.newerInConnection != None)
        m_slots[slot.newerInConnection].olderInConnection = slot.olderInConnection;
    else
        m_newest = slot.olderInConnection;

    m_bytesUsed -= chargeOf(slot);
    --m_entryCount;
    slot.payload = QByteArray();
    slot.properties = SharedProperties();
    slot.newerInTopic = m_freeSlots;
    m_freeSlots = index;
}

bool MessageHistory::listsLatest(TopicNodeId topic) const
{
    if (topic >= m_store.nodeIdLimit() || !m_store.hasMessage(topic))
        return false;
    return m_hiddenLatest.isEmpty() || m_hiddenLatest.value(topic) != m_store.latestSequence(topic);
}

int MessageHistory::olderCount(TopicNodeId topic) const
{
    return topic < m_topics.size() ? m_topics[topic].count : 0;
}

int MessageHistory::count(TopicNodeId topic) const
{
    return olderCount(topic) + (listsLatest(topic) ? 1 : 0);
}

qint64 MessageHistory::entryCount() const
{
    // Every hidden latest is a topic's current latest: superseding or removing one unhides it.
    return m_entryCount + m_store.topicCount() - m_hiddenLatest.size();
}

QList<HistoryEntry> MessageHistory::entries(TopicNodeId topic, quint64 afterSequence) const
{
    QList<HistoryEntry> result;
    const int older = olderCount(topic);
    result.reserve(older + 1);
    quint32 index = oldestOf(topic);
    for (int i = 0; i < older; ++i, index = m_slots[index].newerInTopic) {
        if (m_slots[index].sequence() > afterSequence)
            result.append(entryOf(m_slots[index]));
    }
    if (listsLatest(topic) && m_store.latestSequence(topic) > afterSequence)
        result.append(m_store.latestEntry(topic));
    return result;
}

quint64 MessageHistory::oldestSequence(TopicNodeId topic) const
{
    const quint32 oldest = oldestOf(topic);
    if (oldest != None)
        return m_slots[oldest].sequence();
    return listsLatest(topic) ? m_store.latestSequence(topic) : 0;
}

void MessageHistory::clearTopic(TopicNodeId topic)
{
    removeTopic(topic);
    if (listsLatest(topic))
        m_hiddenLatest.insert(topic, m_store.latestSequence(topic));
}

void MessageHistory::removeTopic(TopicNodeId topic)
{
    while (olderCount(topic) > 0)
        evictOldestOf(topic);
    m_hiddenLatest.remove(topic);
}

void MessageHistory::clear()
{
    m_slots.clear();
    m_freeSlots = None;
    m_topics.clear();
    m_oldest = m_newest = None;
    m_bytesUsed = 0;
    m_entryCount = 0;
    m_hiddenLatest.clear();
}

} // namespace mqttscope

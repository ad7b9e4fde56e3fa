// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/messagehistory.h"

namespace mqttscope {

// The slot plus a malloc'd QByteArray header (ref count, size, capacity) and its rounding.
const qint64 MessageHistory::EntryOverheadBytes = qint64(sizeof(Slot)) + 32;

MessageHistory::MessageHistory() = default;

MessageHistory::MessageHistory(Limits limits)
    : m_limits(limits)
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
        while (m_topics[topic].count > qMax(0, m_limits.messagesPerTopic))
            evictOldestOf(topic);
    }
    enforceBudget();
}

void MessageHistory::append(const QList<TopicNodeId> &topics, const QList<Message> &messages)
{
    Q_ASSERT(topics.size() == messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i)
        append(topics[i], messages[i]);
}

void MessageHistory::append(TopicNodeId topic, const Message &message)
{
    if (m_limits.messagesPerTopic <= 0 || m_limits.byteBudget <= 0)
        return;
    m_topics.growTo(std::size_t(topic) + 1);

    const quint32 index = allocateSlot();
    Slot &slot = m_slots[index];
    slot.payload = message.payload;
    slot.receivedMsecs = message.receivedMsecsSinceEpoch;
    slot.sequenceAndFlags = (m_nextSequence++ << 8) | (message.qos & Slot::QosMask)
        | (message.retain ? Slot::Retain : 0) | (message.dup ? Slot::Dup : 0);
    slot.properties = message.properties;
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

    if (list.count > m_limits.messagesPerTopic)
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

int MessageHistory::count(TopicNodeId topic) const
{
    return topic < m_topics.size() ? m_topics[topic].count : 0;
}

QList<HistoryEntry> MessageHistory::entries(TopicNodeId topic, quint64 afterSequence) const
{
    QList<HistoryEntry> result;
    const int count = this->count(topic);
    result.reserve(count);
    quint32 index = oldestOf(topic);
    for (int i = 0; i < count; ++i, index = m_slots[index].newerInTopic) {
        if (m_slots[index].sequence() > afterSequence)
            result.append(entryOf(m_slots[index]));
    }
    return result;
}

quint64 MessageHistory::oldestSequence(TopicNodeId topic) const
{
    const quint32 oldest = oldestOf(topic);
    return oldest == None ? 0 : m_slots[oldest].sequence();
}

void MessageHistory::removeTopic(TopicNodeId topic)
{
    while (count(topic) > 0)
        evictOldestOf(topic);
}

void MessageHistory::clear()
{
    m_slots.clear();
    m_freeSlots = None;
    m_topics.clear();
    m_oldest = m_newest = None;
    m_bytesUsed = 0;
    m_entryCount = 0;
}

} // namespace mqttscope

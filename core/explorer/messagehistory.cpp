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

qint64 MessageHistory::chargeOf(const HistoryEntry &entry)
{
    return entry.payload.size() + EntryOverheadBytes;
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
    if (topic >= m_topics.size())
        m_topics.resize(std::size_t(topic) + 1);

    const quint32 index = allocateSlot();
    Slot &slot = m_slots[index];
    HistoryEntry &entry = slot.entry;
    entry.payload = message.payload;
    entry.receivedMsecs = message.receivedMsecsSinceEpoch;
    entry.sequence = m_nextSequence++;
    entry.qos = message.qos;
    entry.retain = message.retain;
    entry.dup = message.dup;
    if (message.properties.isEmpty())
        entry.properties.reset();
    else
        entry.properties = std::make_shared<const Properties>(*message.properties);
    slot.topic = topic;

    slot.olderInConnection = m_newest;
    slot.newerInConnection = None;
    if (m_newest != None)
        m_slots[m_newest].newerInConnection = index;
    else
        m_oldest = index;
    m_newest = index;

    TopicList &list = m_topics[topic];
    slot.newerInTopic = None;
    if (list.newest != None)
        m_slots[list.newest].newerInTopic = index;
    else
        list.oldest = index;
    list.newest = index;
    ++list.count;

    m_bytesUsed += chargeOf(entry);
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

void MessageHistory::evictOldestOf(TopicNodeId topic)
{
    TopicList &list = m_topics[topic];
    const quint32 index = list.oldest;
    Slot &slot = m_slots[index];

    list.oldest = slot.newerInTopic;
    if (list.oldest == None)
        list.newest = None;
    --list.count;

    if (slot.olderInConnection != None)
        m_slots[slot.olderInConnection].newerInConnection = slot.newerInConnection;
    else
        m_oldest = slot.newerInConnection;
    if (slot.newerInConnection != None)
        m_slots[slot.newerInConnection].olderInConnection = slot.olderInConnection;
    else
        m_newest = slot.olderInConnection;

    m_bytesUsed -= chargeOf(slot.entry);
    --m_entryCount;
    slot.entry = HistoryEntry();
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
    if (topic >= m_topics.size())
        return result;
    result.reserve(m_topics[topic].count);
    for (quint32 index = m_topics[topic].oldest; index != None;
         index = m_slots[index].newerInTopic) {
        if (m_slots[index].entry.sequence > afterSequence)
            result.append(m_slots[index].entry);
    }
    return result;
}

quint64 MessageHistory::oldestSequence(TopicNodeId topic) const
{
    if (topic >= m_topics.size() || m_topics[topic].oldest == None)
        return 0;
    return m_slots[m_topics[topic].oldest].entry.sequence;
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/explorerdata.h"

namespace mqttscope {

ExplorerData::ExplorerData()
    : m_history(m_store)
{
}

ExplorerData::ExplorerData(MessageHistory::Limits historyLimits)
    : m_history(m_store, historyLimits)
{
}

void ExplorerData::ingest(const QList<Message> &messages, qint64 nowMsecs)
{
    m_store.ingest(messages, nowMsecs, m_history.wantsSuperseded() ? &m_history : nullptr);
    m_statistics.addMessagesIn(messages.size(), nowMsecs);
}

void ExplorerData::replaceHistory(TopicNodeId node, const QList<Message> &messages)
{
    m_history.removeTopic(node);
    if (messages.isEmpty()) {
        m_history.clearTopic(node);
        return;
    }
    for (qsizetype i = 0; i + 1 < messages.size(); ++i)
        m_history.keepOlder(node, historyEntryOf(messages[i], m_store.issueSequence()));
    m_store.renumberLatest(node); // newer than the older ones just numbered
}

void ExplorerData::removeSubtree(TopicNodeId node)
{
    m_store.visitSubtree(node, [this](TopicNodeId id) { m_history.removeTopic(id); });
    m_store.removeSubtree(node);
}

void ExplorerData::clear()
{
    m_store.clear();
    m_history.clear();
    m_muted.forgetNodes();
    m_decoded.clear();
}

} // namespace mqttscope

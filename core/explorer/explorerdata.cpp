// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/explorerdata.h"

namespace mqttscope {

ExplorerData::ExplorerData(MessageHistory::Limits historyLimits)
    : m_history(historyLimits)
{
}

void ExplorerData::ingest(const QList<Message> &messages, qint64 nowMsecs)
{
    m_nodeIds.clear();
    m_store.ingest(messages, nowMsecs, &m_nodeIds);
    m_history.append(m_nodeIds, messages);
    m_statistics.addMessagesIn(messages.size(), nowMsecs);
}

void ExplorerData::removeSubtree(TopicNodeId node)
{
    std::vector<TopicNodeId> pending{node};
    while (!pending.empty()) {
        const TopicNodeId id = pending.back();
        pending.pop_back();
        m_history.removeTopic(id);
        const std::vector<TopicNodeId> &children = m_store.children(id);
        pending.insert(pending.end(), children.begin(), children.end());
    }
    m_store.removeSubtree(node);
}

void ExplorerData::clear()
{
    m_store.clear();
    m_history.clear();
}

} // namespace mqttscope

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

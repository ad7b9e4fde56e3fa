// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/decodedpayloads.h"
#include "explorer/messagehistory.h"
#include "explorer/mutedtopics.h"
#include "explorer/statistics.h"
#include "explorer/topicstore.h"

namespace mqttscope {

// Everything the explorer knows about one connection: its topic tree, the message history and
// the traffic statistics, fed together from the client's message batches. Headless: the models
// in ui/ are windows onto it, and the ingest benchmark drives it directly. Its payloads as the
// connection's decoder reads them are in decoded().
class ExplorerData
{
public:
    ExplorerData();
    explicit ExplorerData(MessageHistory::Limits historyLimits);

    // Applies one batch to the tree, the history and the message counters in one pass.
    void ingest(const QList<Message> &messages, qint64 nowMsecs);

    TopicStore &store() { return m_store; }
    const TopicStore &store() const { return m_store; }
    MessageHistory &history() { return m_history; }
    const MessageHistory &history() const { return m_history; }
    Statistics &statistics() { return m_statistics; }
    const Statistics &statistics() const { return m_statistics; }
    // Applied by whoever feeds ingest() (the connection's tab), read by the tree's rows.
    MutedTopics &muted() { return m_muted; }
    const MutedTopics &muted() const { return m_muted; }
    DecodedPayloads &decoded() { return m_decoded; }
    const DecodedPayloads &decoded() const { return m_decoded; }

    // Removes a subtree from the tree together with its history.
    void removeSubtree(TopicNodeId node);
    // Replaces `node`'s history with `messages`, oldest first, whose last is the message the
    // store holds as the node's latest (e.g. a recording read back up to where it was played):
    // the others become its older messages, within the history's limits.
    void replaceHistory(TopicNodeId node, const QList<Message> &messages);
    void clear(); // topics and history; statistics keep counting

private:
    TopicStore m_store;
    MessageHistory m_history; // over m_store
    Statistics m_statistics;
    MutedTopics m_muted;
    DecodedPayloads m_decoded{m_store};
};

} // namespace mqttscope

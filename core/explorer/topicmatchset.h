// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicstorechanges.h"

#include <vector>

namespace mqttscope {

// The result of a TopicFilter over a TopicStore: per node whether it matches and whether it is
// visible (it matches or something below it does). One byte per node, indexed by node id.
// Nodes created after the set was computed are neither until TopicFilter::update() sees them.
class TopicMatchSet
{
public:
    bool isMatch(TopicNodeId node) const
    {
        return node < m_flags.size() && (m_flags[node] & Match);
    }
    bool isVisible(TopicNodeId node) const
    {
        return node < m_flags.size() && (m_flags[node] & Visible);
    }
    qint64 matchCount() const { return m_matchCount; }
    // Ids below this were evaluated.
    TopicNodeId evaluatedLimit() const { return TopicNodeId(m_flags.size()); }

private:
    friend class TopicFilter;
    enum Flag : quint8 { Match = 0x01, Visible = 0x02 };

    std::vector<quint8> m_flags;
    qint64 m_matchCount = 0;
};

} // namespace mqttscope
